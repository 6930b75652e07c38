package dev.keel.api.privacy;

import dev.keel.api.metadata.MetadataKeys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens the request metadata that the event store keeps sealed (client IP and device id, see
 * {@link dev.keel.api.metadata.MetadataKeys#PERSONAL_DATA_OF}), for readers that hold it as stored,
 * such as the audit trail.
 */
public interface SealedMetadata {

    /**
     * @param personalDataOf whose key sealed it (the metadata's {@code personalDataOf})
     * @param key            the metadata key ({@code clientIp}, {@code deviceId})
     * @param stored         the value as stored
     * @return the plaintext; {@link PersonalData#ERASED} once the person was erased; the stored value
     *         itself when it was never sealed (events from before sealing, {@code null})
     */
    String reveal(String personalDataOf, String key, String stored);

    /**
     * @return the metadata with its client IP and device id opened, for readers that show it to a
     *         person. Events read from the JDBC store come opened already (the serializer opens them);
     *         from Axon Server, whose connector reads metadata value by value, they come sealed.
     */
    default Map<String, Object> open(Map<String, ?> metadata) {
        Map<String, Object> opened = new LinkedHashMap<>(metadata);
        String owner = metadata.get(MetadataKeys.PERSONAL_DATA_OF) instanceof String subject ? subject : null;
        for (String key : List.of(MetadataKeys.CLIENT_IP, MetadataKeys.DEVICE_ID)) {
            if (metadata.get(key) instanceof String stored) {
                opened.put(key, reveal(owner, key, stored));
            }
        }
        return opened;
    }
}
