package dev.keel.app.audit;

/** What a record takes from the event it links, in either {@link EventHashForm}. */
interface AuditedEvent {

    long globalIndex();

    String eventIdentifier();

    String aggregateIdentifier();

    long sequenceNumber();

    String aggregateType();

    String payloadType();

    String timeStamp();

    EventHashForm form();

    byte[] hash();
}
