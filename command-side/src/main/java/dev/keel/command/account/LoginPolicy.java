package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountLockedOut;
import dev.keel.api.account.LoginFailed;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A checked login attempt against the account's lock: a locked account accepts nothing, not even the
 * right password; a failure counts and may lock (for longer each time); a success starts a session,
 * but only on an account whose address was proven. The right password on an unproven one is told so;
 * a wrong one fails exactly as on any other account, so the answer says nothing to a guesser.
 */
record LoginPolicy(LockoutPolicy lockout) {

    Decision<LoginOutcome> decide(AccountId accountId, LoginLock lock, RecordLogin login, Set<Role> roles,
                                  boolean emailVerified) {
        if (lock.lockedAt(login.at())) {
            return new Decision<>(List.of(), LoginOutcome.lockedOut(lock.until()));
        }
        if (!login.proved()) {
            int failures = lock.failures() + 1;
            LoginFailed failed = new LoginFailed(accountId, failures);
            if (!lockout.locksAfter(failures)) {
                return new Decision<>(List.of(failed), LoginOutcome.failed());
            }
            Instant until = lockout.lockedUntil(login.at(), lock.lockouts());
            return new Decision<>(List.of(failed, new AccountLockedOut(accountId, until, lock.lockouts() + 1)),
                    LoginOutcome.lockedOut(until));
        }
        if (!emailVerified) {
            return new Decision<>(List.of(), LoginOutcome.emailNotVerified());
        }
        return new Decision<>(List.of(new LoginSucceeded(accountId, login.sessionId(), login.deviceId(), login.method(),
                login.expiresAt())), LoginOutcome.succeeded(roles));
    }
}
