package dev.keel.command.account;

import dev.keel.api.account.Role;

import java.util.Set;

/**
 * How a refresh ended. A reused token revokes its session: that is a result (so the revocation
 * commits), not an exception.
 */
public record RefreshOutcome(Status status, Set<Role> roles) {

    public enum Status { REFRESHED, REUSED, REFUSED }

    static RefreshOutcome refreshed(Set<Role> roles) {
        return new RefreshOutcome(Status.REFRESHED, Set.copyOf(roles));
    }

    static RefreshOutcome reused() {
        return new RefreshOutcome(Status.REUSED, Set.of());
    }

    static RefreshOutcome refused() {
        return new RefreshOutcome(Status.REFUSED, Set.of());
    }
}
