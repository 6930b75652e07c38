package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SignInMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The account's commands. They stay inside the command side (unlike the events) because several
 * carry credential material: password hashes and refresh-token hashes, which their
 * {@code toString} never shows. Times come from the caller, so rules on time are testable.
 */
final class AccountCommands {

    private AccountCommands() {
    }

    /** @param passwordHash {@code null} for an account that signs in with Firebase only */
    record RegisterAccount(@TargetAggregateIdentifier AccountId accountId, String email, String displayName,
                           String passwordHash, String firebaseUid, boolean emailVerified, Set<Role> roles,
                           UUID verificationRequestId, Instant verificationExpiresAt) {
        @Override
        public String toString() {
            return "RegisterAccount[" + accountId + "]";
        }
    }

    record VerifyEmail(@TargetAggregateIdentifier AccountId accountId, UUID requestId, Instant at) {
    }

    /** A login whose password (or Firebase token) was checked already; starts a session if it matched. */
    record RecordLogin(@TargetAggregateIdentifier AccountId accountId, boolean proved, SignInMethod method,
                       SessionId sessionId, String deviceId, String refreshTokenHash, Instant at,
                       Instant expiresAt) {
        @Override
        public String toString() {
            return "RecordLogin[" + accountId + ", proved=" + proved + "]";
        }
    }

    record RefreshSession(@TargetAggregateIdentifier AccountId accountId, SessionId sessionId,
                          String presentedTokenHash, String newTokenHash, String deviceId, Instant at,
                          Instant expiresAt) {
        @Override
        public String toString() {
            return "RefreshSession[" + accountId + ", " + sessionId + "]";
        }
    }

    record RevokeSession(@TargetAggregateIdentifier AccountId accountId, SessionId sessionId,
                         SessionRevocationReason reason) {
    }

    /** @param except the session to keep (the caller's own), or {@code null} for all */
    record RevokeSessions(@TargetAggregateIdentifier AccountId accountId, SessionId except,
                          SessionRevocationReason reason) {
    }

    record ChangePassword(@TargetAggregateIdentifier AccountId accountId, String newPasswordHash, SessionId keep) {
        @Override
        public String toString() {
            return "ChangePassword[" + accountId + "]";
        }
    }

    record RequestPasswordReset(@TargetAggregateIdentifier AccountId accountId, UUID requestId, Instant expiresAt) {
    }

    record ResetPassword(@TargetAggregateIdentifier AccountId accountId, UUID requestId, String newPasswordHash,
                         Instant at) {
        @Override
        public String toString() {
            return "ResetPassword[" + accountId + "]";
        }
    }

    record ChangeProfile(@TargetAggregateIdentifier AccountId accountId, String displayName) {
    }

    record GrantRole(@TargetAggregateIdentifier AccountId accountId, Role role) {
    }

    record LinkFirebaseUser(@TargetAggregateIdentifier AccountId accountId, String firebaseUid) {
    }
}
