package dev.keel.command.account;

import dev.keel.api.account.AccountErased;
import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountLockedOut;
import dev.keel.api.account.AccountRegistered;
import dev.keel.api.account.EmailVerificationRequested;
import dev.keel.api.account.EmailVerified;
import dev.keel.api.account.FirebaseUserLinked;
import dev.keel.api.account.LoginFailed;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.PasswordChanged;
import dev.keel.api.account.PasswordReset;
import dev.keel.api.account.PasswordResetRequested;
import dev.keel.api.account.ProfileChanged;
import dev.keel.api.account.Role;
import dev.keel.api.account.RoleGranted;
import dev.keel.api.account.RoleRevoked;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionRefreshed;
import dev.keel.api.account.SessionRevocationReason;
import dev.keel.api.account.SessionRevoked;
import dev.keel.api.account.SignInMethod;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.keel.api.privacy.ConsentGiven;
import dev.keel.api.privacy.ConsentPurpose;
import dev.keel.api.privacy.ConsentWithdrawn;
import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import dev.keel.api.push.ChangeNotificationPreference;
import dev.keel.api.push.DeviceRegistered;
import dev.keel.api.push.DeviceRemoved;
import dev.keel.api.push.MarkNotificationRead;
import dev.keel.api.push.NotificationRead;
import dev.keel.api.push.NotificationCategory;
import dev.keel.api.push.NotificationPreferenceChanged;
import dev.keel.api.push.RegisterDevice;
import dev.keel.api.push.RemoveDevice;
import dev.keel.command.claim.ClaimReleases;
import dev.keel.command.claim.UniqueClaims;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's account: who they are, how they prove it, and their sessions. Every login and refresh
 * adds an event, so it is kept in memory between commands and loaded from a snapshot and the events
 * after it; the snapshot holds its personal fields encrypted like events do, and is skipped once
 * the person's key is erased. Fields are not final: a snapshot restores them.
 */
@Aggregate(cache = "accountCache", snapshotTriggerDefinition = "aggregateSnapshots",
        snapshotFilter = "personalDataSnapshots")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Account {

    static final String EMAIL_SCOPE = "account-email";
    static final String FIREBASE_SCOPE = "firebase-uid";

    @AggregateIdentifier
    @DataSubject
    private AccountId accountId;
    @PersonalData
    private String email;
    @PersonalData
    private String displayName;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private boolean emailVerified;
    private PendingRequest verification;
    private PendingRequest reset;
    private LoginLock lock = new LoginLock();
    /** Personal data as a whole: each session names its device. */
    @PersonalData
    private LiveSessions sessions = new LiveSessions();
    /** The notice each purpose was consented to under; a purpose not in it has no consent. */
    private Map<ConsentPurpose, String> consents = new EnumMap<>(ConsentPurpose.class);
    /** Personal data as a whole: device ids and FCM tokens. */
    @PersonalData
    private RegisteredDevices devices = new RegisteredDevices();
    private Set<NotificationCategory> pushOff = EnumSet.noneOf(NotificationCategory.class);
    private boolean erased;

    Account() {
        // for Axon
    }

    /** Event sourcing handlers run only after a constructor returns, so it uses the command's values. */
    @CommandHandler
    Account(RegisterAccount command, UniqueClaims claims, BlindIndex index, Credentials credentials,
            StaffRoster staff, AccountActivity activity) {
        AccountId id = command.accountId();
        if (!claims.claim(EMAIL_SCOPE, index.ofEmail(command.email()), id.toString())) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "email-already-registered",
                    "An account with this email address exists already; log in or reset its password");
        }
        if (command.passwordHash() != null) {
            credentials.set(id, command.passwordHash());
        }
        if (command.roles().contains(Role.STAFF)) {
            staff.add(id);
        }
        activity.touch(id);
        SignInMethod method = command.firebaseUid() == null ? SignInMethod.PASSWORD : SignInMethod.FIREBASE;
        apply(new AccountRegistered(id, command.email(), command.displayName(), command.roles(), method,
                command.emailVerified()));
        if (command.firebaseUid() != null) {
            linkFirebase(id, command.firebaseUid(), claims, index);
        }
        if (!command.emailVerified()) {
            apply(new EmailVerificationRequested(id, command.email(), command.displayName(),
                    command.verificationRequestId(), command.verificationExpiresAt()));
        }
    }

    /**
     * An erased account is a shell of ids and dates: nothing may sign in to it, change it or record
     * anything personal in it again. Access tokens issued before the erasure still pass the gate for
     * up to their lifetime; here they end.
     */
    @CommandHandlerInterceptor
    Object refuseOnceErased(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (erased && !(command.getPayload() instanceof EraseAccount)) {
            throw new CommandRejected(CommandRejected.Kind.GONE, "account-erased",
                    "Account " + accountId + " was erased; it cannot be used or changed");
        }
        return chain.proceed();
    }

    /**
     * The link alone proves only the mailbox: whoever registered somebody else's address would
     * otherwise keep their password once the owner clicked. With the right password too (and no
     * lockout) the address is proven and the session starts; a wrong one is a failed login.
     */
    @CommandHandler
    LoginOutcome handle(VerifyEmail command, LockoutPolicy lockout, RefreshTokens tokens, AccountActivity activity) {
        RecordLogin login = command.login();
        PendingRequest.check(verification, command.requestId(), login.at(), "email verification");
        if (login.proved() && !lock.lockedAt(login.at())) {
            apply(new EmailVerified(accountId, command.requestId()));
        }
        return handle(login, lockout, tokens, activity);
    }

    /**
     * Only an account whose address was proven: otherwise whoever registered it (perhaps with
     * somebody else's address, to wait for them) would keep its password and sessions, now in the
     * owner's account.
     */
    @CommandHandler
    void handle(LinkFirebaseUser command, UniqueClaims claims, BlindIndex index) {
        if (!emailVerified) {
            throw new CommandRejected(CommandRejected.Kind.FORBIDDEN, "email-not-verified",
                    "The account with this email address never proved it: verify it with the mailed link, or"
                            + " reset the password, then sign in with Firebase");
        }
        linkFirebase(accountId, command.firebaseUid(), claims, index);
    }

    /** A failed attempt is an outcome, not an exception, so its events (and a lockout) commit. */
    @CommandHandler
    LoginOutcome handle(RecordLogin command, LockoutPolicy lockout, RefreshTokens tokens, AccountActivity activity) {
        Decision<LoginOutcome> decision = new LoginPolicy(lockout).decide(accountId, lock, command, roles,
                emailVerified);
        if (decision.outcome().status() == LoginOutcome.Status.SUCCEEDED) {
            tokens.issue(command.refreshTokenHash(), accountId, command.sessionId(), command.expiresAt());
            activity.touch(accountId);
        }
        decision.events().forEach(AggregateLifecycle::apply);
        return decision.outcome();
    }

    @CommandHandler
    RefreshOutcome handle(RefreshSession command, RefreshTokens tokens, AccountActivity activity) {
        Decision<RefreshOutcome> decision = new RefreshPolicy(sessions)
                .decide(accountId, command, tokens.find(command.presentedTokenHash()), roles);
        if (decision.outcome().status() == RefreshOutcome.Status.REFRESHED) {
            tokens.rotate(command.presentedTokenHash());
            tokens.issue(command.newTokenHash(), accountId, command.sessionId(), command.expiresAt());
            activity.touch(accountId);
        }
        decision.events().forEach(AggregateLifecycle::apply);
        return decision.outcome();
    }

    @CommandHandler
    void handle(RevokeSession command) {
        if (sessions.get(command.sessionId()) == null) {
            throw new CommandRejected(CommandRejected.Kind.NOT_FOUND, "not-found",
                    "You have no live session " + command.sessionId());
        }
        apply(new SessionRevoked(accountId, command.sessionId(), command.reason()));
    }

    @CommandHandler
    void handle(RevokeSessions command) {
        revokeAllExcept(command.except(), command.reason());
    }

    @CommandHandler
    void handle(ChangePassword command, Credentials credentials) {
        credentials.set(accountId, command.newPasswordHash());
        apply(new PasswordChanged(accountId));
        revokeAllExcept(command.keep(), SessionRevocationReason.PASSWORD_CHANGED);
    }

    @CommandHandler
    void handle(RequestPasswordReset command) {
        apply(new PasswordResetRequested(accountId, email, displayName, command.requestId(), command.expiresAt()));
    }

    @CommandHandler
    void handle(ResetPassword command, Credentials credentials) {
        PendingRequest.check(reset, command.requestId(), command.at(), "password reset");
        credentials.set(accountId, command.newPasswordHash());
        apply(new PasswordReset(accountId, command.requestId()));
        if (!emailVerified) {
            // the mailed reset link proves the address as well as a verification link does
            apply(new EmailVerified(accountId, command.requestId()));
        }
        revokeAllExcept(null, SessionRevocationReason.PASSWORD_RESET);
    }

    @CommandHandler
    void handle(ChangeProfile command) {
        if (!command.displayName().equals(displayName)) {
            apply(new ProfileChanged(accountId, command.displayName()));
        }
    }

    /** STAFF is put on the roster even when the account has it, so STAFF granted before the roster is counted. */
    @CommandHandler
    void handle(GrantRole command, StaffRoster staff) {
        if (command.role() == Role.STAFF) {
            staff.add(accountId);
        }
        if (!roles.contains(command.role())) {
            apply(new RoleGranted(accountId, command.role()));
        }
    }

    /**
     * The last STAFF account keeps STAFF, or nobody could grant or revoke roles any more; and nobody
     * revokes their own STAFF (one mistyped id would lock them out): another STAFF account does.
     */
    @CommandHandler
    void handle(RevokeRole command, StaffRoster staff) {
        if (!roles.contains(command.role())) {
            return;
        }
        if (command.role() == Role.STAFF && accountId.equals(command.revokedBy())) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "own-staff-role",
                    "You cannot revoke your own STAFF role; another STAFF account can");
        }
        if (command.role() == Role.STAFF && !staff.removeUnlessLast(accountId)) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "last-staff",
                    "Account " + accountId + " is the last STAFF account: grant STAFF to another account first");
        }
        apply(new RoleRevoked(accountId, command.role()));
    }

    /**
     * Destroys the data key in this transaction, so the events this command appends (the session ends,
     * the erasure itself) already store no personal data, and nothing of the person's can be read
     * back once it commits. The secrets kept beside the events go too, and the email (its blind index)
     * is free for a new account. The last STAFF account is kept, as for a role revocation.
     */
    @CommandHandler
    void handle(EraseAccount command, CryptoShredder shredder, Credentials credentials, RefreshTokens tokens,
                ClaimReleases claims, StaffRoster staff, AccountActivity activity) {
        if (erased) {
            return;
        }
        if (roles.contains(Role.STAFF) && !staff.removeUnlessLast(accountId)) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "last-staff",
                    "Account " + accountId + " is the last STAFF account: grant STAFF to another account first");
        }
        revokeAllExcept(null, SessionRevocationReason.ACCOUNT_ERASED);
        credentials.remove(accountId);
        tokens.forgetAll(accountId);
        claims.releaseAll(accountId.toString());
        activity.forget(accountId);
        shredder.shred(accountId);
        apply(new AccountErased(accountId, command.reason()));
    }

    @CommandHandler
    void handle(GiveConsent command) {
        if (!command.noticeVersion().equals(consents.get(command.purpose()))) {
            apply(new ConsentGiven(accountId, command.purpose(), command.noticeVersion()));
        }
    }

    @CommandHandler
    void handle(WithdrawConsent command) {
        if (consents.containsKey(command.purpose())) {
            apply(new ConsentWithdrawn(accountId, command.purpose()));
        }
    }

    @CommandHandler
    void handle(RegisterDevice command) {
        if (!devices.has(command.deviceId(), command.fcmToken(), command.platform(), command.locale())) {
            apply(new DeviceRegistered(accountId, command.deviceId(), command.fcmToken(), command.platform(),
                    command.locale()));
        }
    }

    @CommandHandler
    void handle(RemoveDevice command) {
        if (devices.holds(command.deviceId(), command.fcmToken())) {
            apply(new DeviceRemoved(accountId, command.deviceId(), command.reason()));
        }
    }

    /** Whose notification it is the inbox checks: one of another account's id marks nothing. */
    @CommandHandler
    void handle(MarkNotificationRead command) {
        apply(new NotificationRead(accountId, command.notificationId()));
    }

    @CommandHandler
    void handle(ChangeNotificationPreference command) {
        if (command.category() == NotificationCategory.MARKETING) {
            throw new CommandRejected(CommandRejected.Kind.INVALID, "validation-failed",
                    "Invalid field(s): category: MARKETING is consent: give or withdraw MARKETING_PUSH instead",
                    Map.of("errors", List.of(Map.of("field", "category",
                            "message", "MARKETING follows the MARKETING_PUSH consent, not a preference"))));
        }
        if (pushOff.contains(command.category()) == command.push()) {
            apply(new NotificationPreferenceChanged(accountId, command.category(), command.push()));
        }
    }

    private static void linkFirebase(AccountId id, String uid, UniqueClaims claims, BlindIndex index) {
        if (!claims.claim(FIREBASE_SCOPE, index.ofFirebaseUid(uid), id.toString())) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "firebase-user-linked-elsewhere",
                    "This Firebase user is linked to another account");
        }
        apply(new FirebaseUserLinked(id, uid));
    }

    private void revokeAllExcept(SessionId keep, SessionRevocationReason reason) {
        sessions.allExcept(keep).forEach(id -> apply(new SessionRevoked(accountId, id, reason)));
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        email = event.email();
        displayName = event.displayName();
        roles.addAll(event.roles());
        emailVerified = event.emailVerified();
    }

    @EventSourcingHandler
    void on(EmailVerificationRequested event) {
        verification = new PendingRequest(event.requestId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
        verification = null;
    }

    @EventSourcingHandler
    void on(LoginFailed event) {
        lock.failed(event.consecutiveFailures());
    }

    @EventSourcingHandler
    void on(AccountLockedOut event) {
        lock.locked(event.until(), event.lockouts());
    }

    @EventSourcingHandler
    void on(LoginSucceeded event, @Timestamp Instant at) {
        lock.succeeded();
        sessions.started(event.sessionId(), event.deviceId(), event.expiresAt(), at);
    }

    @EventSourcingHandler
    void on(SessionRefreshed event) {
        sessions.extended(event.sessionId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(SessionRevoked event) {
        sessions.ended(event.sessionId());
    }

    @EventSourcingHandler
    void on(PasswordResetRequested event) {
        reset = new PendingRequest(event.requestId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(PasswordReset event) {
        reset = null;
    }

    /** A reset link asked for before a deliberate change of password no longer works. */
    @EventSourcingHandler
    void on(PasswordChanged event) {
        reset = null;
    }

    @EventSourcingHandler
    void on(ProfileChanged event) {
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        roles.add(event.role());
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        roles.remove(event.role());
    }

    @EventSourcingHandler
    void on(ConsentGiven event) {
        consents.put(event.purpose(), event.noticeVersion());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.purpose());
    }

    @EventSourcingHandler
    void on(DeviceRegistered event) {
        devices.registered(event.deviceId(), event.fcmToken(), event.platform(), event.locale());
    }

    @EventSourcingHandler
    void on(DeviceRemoved event) {
        devices.removed(event.deviceId());
    }

    @EventSourcingHandler
    void on(NotificationPreferenceChanged event) {
        if (event.push()) {
            pushOff.remove(event.category());
        } else {
            pushOff.add(event.category());
        }
    }

    /** What it held of the person in memory goes with the key (a cached aggregate lives on between commands). */
    @EventSourcingHandler
    void on(AccountErased event) {
        erased = true;
        email = null;
        displayName = null;
        devices.clear();
    }
}
