package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Creates an account, claiming its email. Carries a password hash, so {@code toString} hides it.
 *
 * @param passwordHash          {@code null} for an account that signs in with Firebase only
 * @param firebaseUid           the Firebase user to link at once, or {@code null}
 * @param verificationRequestId the request a mailed verification link will answer (unless already verified)
 */
public record RegisterAccount(@TargetAggregateIdentifier AccountId accountId, String email, String displayName,
                              String passwordHash, String firebaseUid, boolean emailVerified, Set<Role> roles,
                              UUID verificationRequestId, Instant verificationExpiresAt) {
    @Override
    public String toString() {
        return "RegisterAccount[" + accountId + "]";
    }
}
