package dev.keel.app.audit;

import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the {@link DeliveredEvent} of a tracked event: the bytes the event store read, never a new
 * serialization. Axon's {@code SerializedMessage.serializePayload} hands back the bytes it was read
 * from when asked with a serializer equal to the one that read them, and serializes the payload again
 * otherwise. That serializer is Keel's event serializer under the JDBC engine, and the connector's
 * {@link GrpcMetaDataAwareSerializer} around it under Axon Server; each is asked through a stand-in
 * that refuses to serialize, so a message that was not read from a store fails loudly instead of
 * hashing what the current code makes of it.
 */
@Component
class DeliveredEvents {

    private final Serializer jdbcRead;
    private final Serializer axonServerRead;
    private final JsonMapper json;

    DeliveredEvents(@Qualifier("eventSerializer") Serializer eventSerializer, JsonMapper json) {
        this.jdbcRead = new RefusesToSerialize(eventSerializer);
        this.axonServerRead = new RefusesToSerialize(new GrpcMetaDataAwareSerializer(eventSerializer));
        this.json = json;
    }

    /** The event with its metadata as stored, before the serializer opens sealed values. */
    Delivered read(TrackedEventMessage<?> event) {
        SerializedObject<byte[]> payload;
        Map<String, Object> metadata;
        try {
            payload = event.serializePayload(jdbcRead, byte[].class);
            metadata = plain(json.readTree(event.serializeMetaData(jdbcRead, byte[].class).getData()));
        } catch (WouldSerialize notReadByTheJdbcEngine) {
            try {
                payload = event.serializePayload(axonServerRead, byte[].class);
                metadata = event.getMetaData();
            } catch (WouldSerialize notReadFromAStore) {
                throw new IllegalStateException("Event " + event.getIdentifier() + " was not read from an event store:"
                        + " it has no stored bytes for the audit trail to hash", notReadFromAStore);
            }
        }
        long globalIndex = event.trackingToken().position().orElseThrow(() -> new IllegalStateException(
                "Event " + event.getIdentifier() + " has no global index: " + event.trackingToken()));
        String aggregateId = event.getIdentifier();
        long sequence = 0;
        String aggregateType = null;
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
            aggregateType = domain.getType();
        }
        SerializedType type = payload.getType();
        return new Delivered(new DeliveredEvent(globalIndex, event.getIdentifier(), aggregateId, sequence,
                aggregateType, type.getName(), type.getRevision(), DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getData(), CanonicalMetadata.digest(metadata)), metadata);
    }

    /** The event to hash and its metadata as stored, where its origin is read from. */
    record Delivered(DeliveredEvent event, Map<String, Object> storedMetadata) {
    }

    private static Map<String, Object> plain(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.properties().forEach(field -> values.put(field.getKey(), plainValue(field.getValue())));
        return values;
    }

    private static Object plainValue(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            node.values().forEach(element -> values.add(plainValue(element)));
            return values;
        }
        if (node.isObject()) {
            return plain(node);
        }
        return null;
    }

    private static final class WouldSerialize extends RuntimeException {
        WouldSerialize() {
            super("asked to serialize: the message does not hold bytes read by this serializer", null, false, false);
        }
    }

    /** Equal to the serializer that read a message, so the message hands back its bytes; never serializes. */
    private record RefusesToSerialize(Serializer reading) implements Serializer {

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            throw new WouldSerialize();
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return reading.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            throw new WouldSerialize();
        }

        @Override
        public Class classForType(SerializedType type) {
            return reading.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return reading.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return reading.getConverter();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RefusesToSerialize refusing ? reading.equals(refusing.reading) : reading.equals(other);
        }

        @Override
        public int hashCode() {
            return reading.hashCode();
        }
    }
}
