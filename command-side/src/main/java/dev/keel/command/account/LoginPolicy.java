package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountLockedOut;
import dev.keel.api.account.LoginFailed;
import dev.keel.api.account.LoginSucceeded;
import dev.keel.api.account.Role;
import dev.keel.command.account.AccountCommands.RecordLogin;

import java.time.Instant;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A checked login attempt against the account's lock: a locked account accepts nothing, not even the
 * right password; a failure counts and may lock (for longer each time); a success starts a session.
 */
record LoginPolicy(LockoutPolicy lockout, LoginLock lock, RefreshTokens tokens) {

    LoginOutcome attempt(AccountId accountId, RecordLogin command, Set<Role> roles) {
        if (lock.lockedAt(command.at())) {
            return LoginOutcome.lockedOut(lock.until());
        }
        if (!command.proved()) {
            int failures = lock.failures() + 1;
            apply(new LoginFailed(accountId, failures));
            if (!lockout.locksAfter(failures)) {
                return LoginOutcome.failed();
            }
            Instant until = lockout.lockedUntil(command.at(), lock.lockouts());
            apply(new AccountLockedOut(accountId, until, lock.lockouts() + 1));
            return LoginOutcome.lockedOut(until);
        }
        tokens.issue(command.refreshTokenHash(), accountId, command.sessionId(), command.expiresAt());
        apply(new LoginSucceeded(accountId, command.sessionId(), command.deviceId(), command.method(),
                command.expiresAt()));
        return LoginOutcome.succeeded(roles);
    }
}
