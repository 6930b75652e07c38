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
 * @param eventsPerSecond  while replaying: positions covered per second over the last minute of samples
 *                         (docs/audit.md); null when not replaying or before a second sample
 * @param secondsLeft      while replaying: {@code head - position} at that rate; null without a rate above 0
 */
public record ProjectionStatus(String name, boolean running, boolean replayable, int claimedSegments,
                               @Nullable Long position, long head, long lagEvents, long lagSeconds,
                               boolean replaying, @Nullable Double replayProgress, @Nullable Double eventsPerSecond,
                               @Nullable Long secondsLeft, @Nullable String error) {
}
