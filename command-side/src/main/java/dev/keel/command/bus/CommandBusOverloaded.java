package dev.keel.command.bus;

import java.time.Duration;

/**
 * A command the bus refused without running it: its committer's queue was full, or it waited longer
 * than the bus's timeout. Nothing of it was stored, so the caller may send it again after
 * {@link #retryAfter()}.
 */
public final class CommandBusOverloaded extends RuntimeException {

    private final Duration retryAfter;

    public CommandBusOverloaded(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
