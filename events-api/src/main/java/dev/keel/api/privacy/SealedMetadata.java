package dev.keel.api.privacy;

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
}
