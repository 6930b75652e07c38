package dev.keel.command.account;

import dev.keel.api.account.Role;

import java.time.Instant;
import java.util.Set;

/**
 * How a login attempt ended. Failures are results, not exceptions, so their events commit.
 * {@code EMAIL_NOT_VERIFIED}: the password was right, but an account whose address was never proven
 * starts no session (whoever registered it may not own the address).
 *
 * @param roles       the account's roles, for the access token (success only)
 * @param lockedUntil when a login may be tried again (lockout only)
 */
public record LoginOutcome(Status status, Set<Role> roles, Instant lockedUntil) {

    public enum Status { SUCCEEDED, FAILED, LOCKED_OUT, EMAIL_NOT_VERIFIED }

    static LoginOutcome succeeded(Set<Role> roles) {
        return new LoginOutcome(Status.SUCCEEDED, Set.copyOf(roles), null);
    }

    static LoginOutcome failed() {
        return new LoginOutcome(Status.FAILED, Set.of(), null);
    }

    static LoginOutcome emailNotVerified() {
        return new LoginOutcome(Status.EMAIL_NOT_VERIFIED, Set.of(), null);
    }

    static LoginOutcome lockedOut(Instant until) {
        return new LoginOutcome(Status.LOCKED_OUT, Set.of(), until);
    }
}
