package dev.keel.app.audit;

/**
 * Which {@link EventHashForm} the trail links new events in: the stored row's under the JDBC event
 * store, the delivered message's where events are not in {@code domain_event_entry} (Axon Server).
 * Public so that a test can choose the message form over the JDBC store (its events read back as
 * Axon Server's would be).
 */
@FunctionalInterface
public interface EventHashFormChoice {

    EventHashForm current();
}
