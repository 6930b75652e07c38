package dev.keel.projection.batch;

import org.axonframework.eventhandling.TrackingToken;

/** An event's global position in the event store, as its tracking token (replays included) tells it. */
public final class EventPositions {

    private EventPositions() {
    }

    /**
     * @throws IllegalStateException when the token has no position (a handler outside a streaming processor)
     */
    public static long of(TrackingToken token) {
        if (token == null) {
            throw new IllegalStateException("No tracking token: change logs need a streaming processor");
        }
        return token.position().orElseThrow(() -> new IllegalStateException("A tracking token without a position: " + token));
    }
}
