package dev.keel.app.audit;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.privacy.SealedMetadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Where an event came from (client IP, device id) exactly as its stored metadata holds them: sealed
 * under the key of {@code personalDataOf}, so the trail keeps the same ciphertext as the event
 * store, never plaintext, and erasing that person's key erases it here too without changing a byte
 * of the chain.
 */
record Origin(@Nullable String personalDataOf, @Nullable String clientIp, @Nullable String deviceId) {

    static final Origin NONE = new Origin(null, null, null);

    /** Read from the stored metadata bytes, not the handler's message, whose metadata is already opened. */
    static Origin of(byte[] storedMetadata, JsonMapper json) {
        JsonNode metadata = json.readTree(storedMetadata);
        return new Origin(text(metadata, MetadataKeys.PERSONAL_DATA_OF), text(metadata, MetadataKeys.CLIENT_IP),
                text(metadata, MetadataKeys.DEVICE_ID));
    }

    /**
     * From metadata as an event store without bytes of it keeps it (Axon Server's map of values): a value
     * is kept only when it is sealed ({@code pd1:}, as Keel's serializer seals it), so a store that holds
     * it in plaintext never puts plaintext in the trail.
     */
    static Origin of(Map<String, ?> storedMetadata) {
        return new Origin(textOf(storedMetadata, MetadataKeys.PERSONAL_DATA_OF),
                sealedOf(storedMetadata, MetadataKeys.CLIENT_IP), sealedOf(storedMetadata, MetadataKeys.DEVICE_ID));
    }

    boolean isEmpty() {
        return personalDataOf == null && clientIp == null && deviceId == null;
    }

    @Nullable String revealedIp(SealedMetadata sealed) {
        return clientIp == null ? null : sealed.reveal(personalDataOf, MetadataKeys.CLIENT_IP, clientIp);
    }

    @Nullable String revealedDevice(SealedMetadata sealed) {
        return deviceId == null ? null : sealed.reveal(personalDataOf, MetadataKeys.DEVICE_ID, deviceId);
    }

    private static @Nullable String textOf(Map<String, ?> metadata, String key) {
        return metadata.get(key) instanceof String text ? text : null;
    }

    private static @Nullable String sealedOf(Map<String, ?> metadata, String key) {
        String text = textOf(metadata, key);
        return text != null && text.startsWith("pd1:") ? text : null;
    }

    private static @Nullable String text(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        return value != null && value.isString() ? value.asString() : null;
    }
}
