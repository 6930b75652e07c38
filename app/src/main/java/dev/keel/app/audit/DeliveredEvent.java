package dev.keel.app.audit;

/**
 * An event as the audit trail's processor receives it from an event store that keeps no row of it in
 * PostgreSQL (Axon Server): its payload bytes exactly as read from the store, its global index from its
 * tracking token, and its metadata in a {@link CanonicalMetadata canonical form}.
 */
record DeliveredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                      String aggregateType, String payloadType, String payloadRevision, String timeStamp,
                      byte[] payload, byte[] metadataDigest) implements AuditedEvent {

    @Override
    public EventHashForm form() {
        return EventHashForm.MESSAGE;
    }

    /** Led by the form's name, so it never equals a stored row's hash of the same fields. */
    @Override
    public byte[] hash() {
        return ChainHashes.digest()
                .add(EventHashForm.MESSAGE.column)
                .add(globalIndex).add(eventIdentifier).add(aggregateIdentifier).add(sequenceNumber)
                .add(aggregateType).add(payloadType).add(payloadRevision).add(timeStamp)
                .add(payload).add(metadataDigest)
                .finish();
    }
}
