package dev.keel.app.replay;

import org.jspecify.annotations.Nullable;

/**
 * One event processor as an operator sees it.
 *
 * @param name             the processing group, as in the replay path
 * @param replayable       false for side effects (mail, push, payments) and the audit trail: never replayed
 * @param claimedSegments  segments this node works on; 0 when another node holds them all
 * @param position         the lowest position its claimed segments have reached; null before its first event
 * @param head             the event store's last position
 * @param lagEvents        positions between {@code position} and {@code head}
 * @param lagSeconds       age of the oldest event it has not handled yet; 0 when caught up
 * @param replayProgress   while replaying: how far, 0 to 1, from the start to where the reset was made
 */
public record ProjectionStatus(String name, boolean running, boolean replayable, int claimedSegments,
                               @Nullable Long position, long head, long lagEvents, long lagSeconds,
                               boolean replaying, @Nullable Double replayProgress, @Nullable String error) {
}
