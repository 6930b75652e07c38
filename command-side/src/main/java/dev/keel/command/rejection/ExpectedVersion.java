package dev.keel.command.rejection;

import org.axonframework.modelling.command.AggregateLifecycle;

/** Optimistic concurrency: a command that names a version only applies to exactly that version. */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /**
     * @param expected the version the caller last saw, or {@code null} to skip the check
     * @param what     names the aggregate in the message, e.g. {@code "product 42"}
     * @throws VersionConflict (409 {@code version-conflict}) with the current version
     */
    public static void check(Long expected, String what) {
        long current = AggregateLifecycle.getVersion();
        if (expected != null && expected != current) {
            throw new VersionConflict(what, expected, current);
        }
    }
}
