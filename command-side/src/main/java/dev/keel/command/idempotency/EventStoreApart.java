package dev.keel.command.idempotency;

/**
 * Whether the event store commits apart from PostgreSQL, as Axon Server does. A command's events can
 * then be stored while the PostgreSQL batch with its idempotency record, claims and other rows is lost
 * (docs/axon-server.md, "Two stores"); {@link RetrySafeEventStore} and the claims close that gap.
 */
@FunctionalInterface
public interface EventStoreApart {

    boolean now();
}
