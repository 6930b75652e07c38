package dev.keel.command.rejection;

import java.util.Map;

/**
 * A command named a version the aggregate is not at ({@code version-conflict}). Keeps the version the
 * client expected, so the server can tell a client's stale {@code If-Match} from its own stale state.
 */
public final class VersionConflict extends CommandRejected {

    public static final String TYPE = "version-conflict";

    private final String what;
    private final long expected;
    private final long current;

    VersionConflict(String what, long expected, long current) {
        super(Kind.CONFLICT, TYPE, what + " is at version " + current + ", not " + expected,
                Map.of("currentVersion", current));
        this.what = what;
        this.expected = expected;
        this.current = current;
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }

    /** The same refusal, naming the version the store holds. */
    public VersionConflict at(long storedVersion) {
        return new VersionConflict(what, expected, storedVersion);
    }
}
