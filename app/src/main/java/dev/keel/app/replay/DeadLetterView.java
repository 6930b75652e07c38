package dev.keel.app.replay;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a processing group could not handle, parked with the others of its sequence (for push: of
 * its order) until STAFF retries it.
 *
 * @param aggregate   the aggregate the event is of (for push: the order), {@code null} for other events
 * @param sequence    the letter's place in its sequence: 0 failed itself, later ones wait behind it
 * @param causeType   the exception that parked it, for the first of a sequence; {@code null} for those waiting
 */
public record DeadLetterView(UUID eventId, String eventType, String aggregate, int sequence, Instant enqueuedAt,
                             Instant lastTouched, String causeType, String causeMessage) {
}
