package dev.keel.command.concurrency;

/**
 * What a refusal that crossed Axon Server still says about itself: there only its message and its
 * details arrive, the exception's class is gone, so {@link ConflictRetry} reads the details.
 */
public interface ConflictDetails {

    /** @return whether another change to the same aggregate or rows came first, so that a retry may pass */
    boolean lostToAConcurrentChange();
}
