package dev.keel.app.privacy;

import dev.keel.api.privacy.PersonalData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.SecretKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Axon's event and general serializers, with the {@link PersonalData} fields of each event, and of
 * each aggregate stored as a snapshot, encrypted in their stored form:
 * {@code "email": "pd1:<base64 nonce+ciphertext>"}. Handlers and aggregates see plaintext objects;
 * only the stored bytes are encrypted. When the subject's key is gone, or the fields were sealed under
 * an earlier key that an erasure destroyed, those fields read back as {@link PersonalData#ERASED} (text) or {@code null}; such a snapshot is skipped ({@link #readable}).
 * An erased subject's new objects store the same instead of a value. The request's network metadata
 * is sealed likewise ({@link NetworkMetadata}).
 */
class PersonalDataSerializer implements Serializer {

    private final Serializer delegate;
    private final Supplier<PersonalDataKeys> keys;
    private final NetworkMetadata network;
    private final JsonMapper json = JsonMapper.builder().build();
    /** By type name: the general serializer reads tokens and more for every batch, without a class lookup each time. */
    private final Map<String, PersonalFields> byTypeName = new ConcurrentHashMap<>();

    PersonalDataSerializer(Serializer delegate, Supplier<PersonalDataKeys> keys, NetworkMetadata network) {
        this.delegate = delegate;
        this.keys = keys;
        this.network = network;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object instanceof MetaData metadata) {
            return delegate.serialize(network.seal(metadata), expectedRepresentation);
        }
        PersonalFields personal = object == null ? PersonalFields.NONE : PersonalFields.of(object.getClass());
        if (personal.none()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> plain = delegate.serialize(object, byte[].class);
        ObjectNode tree = (ObjectNode) json.readTree(plain.getData());
        String subject = tree.required(personal.subject()).asString();
        Optional<SecretKey> key = keys.get().keyFor(subject);
        for (String field : personal.fields()) {
            JsonNode value = tree.get(field);
            if (value != null && !value.isNull()) {
                tree.set(field, key.isPresent()
                        ? json.getNodeFactory().stringNode(Sealed.seal(key.get(), json.writeValueAsBytes(value), place(subject, field)))
                        : erased(personal, field));
            }
        }
        var sealed = new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class, plain.getType());
        return getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        if (isMetaData(serialized.getType())) {
            @SuppressWarnings("unchecked")
            T opened = (T) network.open(delegate.deserialize(serialized));
            return opened;
        }
        PersonalFields personal = personalFieldsOf(serialized.getType());
        if (personal.none()) {
            return delegate.deserialize(serialized);
        }
        ObjectNode tree = (ObjectNode) json.readTree(getConverter().convert(serialized, byte[].class).getData());
        String subject = tree.required(personal.subject()).asString();
        Optional<SecretKey> key = Optional.empty();
        for (String field : personal.fields()) {
            JsonNode value = tree.get(field);
            if (value == null || !value.isString() || !Sealed.is(value.asString())) {
                continue;
            }
            if (key.isEmpty()) {
                key = keys.get().find(subject);
            }
            tree.set(field, key.map(current -> openOrErased(current, value.asString(), subject, personal, field))
                    .orElseGet(() -> erased(personal, field)));
        }
        return delegate.deserialize(new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class,
                serialized.getType()));
    }

    private static String place(String subject, String field) {
        return subject + "/" + field;
    }

    /**
     * Whether the personal fields of a stored object can still be decrypted: not once its subject's
     * key was erased, nor after a new key was made for a later event. A snapshot that is not is
     * skipped, and its aggregate rebuilt from its events.
     */
    boolean readable(SerializedObject<?> serialized) {
        PersonalFields personal = personalFieldsOf(serialized.getType());
        if (personal.none()) {
            return true;
        }
        ObjectNode tree = (ObjectNode) json.readTree(getConverter().convert(serialized, byte[].class).getData());
        String subject = tree.required(personal.subject()).asString();
        for (String field : personal.fields()) {
            JsonNode value = tree.get(field);
            if (value != null && value.isString() && Sealed.is(value.asString())) {
                Optional<SecretKey> key = keys.get().find(subject);
                try {
                    return key.isPresent() && Sealed.open(key.get(), value.asString(), place(subject, field)) != null;
                } catch (Aes.WrongKey sealedWithAnotherKey) {
                    return false;
                }
            }
        }
        return true;
    }

    private PersonalFields personalFieldsOf(SerializedType serializedType) {
        return byTypeName.computeIfAbsent(serializedType.getName(), name -> {
            Class<?> type = classForType(serializedType);
            return type == UnknownSerializedType.class ? PersonalFields.NONE : PersonalFields.of(type);
        });
    }

    private boolean isMetaData(SerializedType serializedType) {
        return MetaData.class.getName().equals(serializedType.getName());
    }

    /**
     * A field sealed under an earlier key of the subject reads as erased: that key was erased, and a
     * later event made a new one. Failing instead would stop every processor at the old event for good.
     */
    private JsonNode openOrErased(SecretKey key, String sealed, String subject, PersonalFields personal, String field) {
        try {
            return json.readTree(Sealed.open(key, sealed, place(subject, field)));
        } catch (Aes.WrongKey sealedUnderAnEarlierKey) {
            return erased(personal, field);
        }
    }

    private JsonNode erased(PersonalFields personal, String field) {
        return personal.isText(field) ? json.getNodeFactory().stringNode(PersonalData.ERASED)
                : json.getNodeFactory().nullNode();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
