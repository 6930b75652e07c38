package dev.keel.api.metadata;

/**
 * Keys of the metadata on every command and event. Values are strings, except {@link #ROLES}, a
 * list of role names.
 */
public final class MetadataKeys {

    /** Who caused it: {@code user:<id>}, {@code anonymous}, or {@code system:<component>}. */
    public static final String ACTOR = "actor";
    /** The actor's roles when the command was sent. */
    public static final String ROLES = "roles";
    /**
     * The device the request came from ({@code X-Device-Id}), when the client sent one. Personal data:
     * stored sealed with the data key of {@link #PERSONAL_DATA_OF}.
     */
    public static final String DEVICE_ID = "deviceId";
    /** The client's IP address as the server saw it. Personal data, stored like {@link #DEVICE_ID}. */
    public static final String CLIENT_IP = "clientIp";
    /**
     * Whose personal data {@link #CLIENT_IP} and {@link #DEVICE_ID} are: the signed-in actor's account,
     * else (an anonymous request: sign-up, login, reset) the event's data subject. The event store
     * seals both with that person's data key, so erasing them erases where they acted from too; an
     * event that names nobody does not keep them at all.
     */
    public static final String PERSONAL_DATA_OF = "personalDataOf";
    /** Shared by everything one user action caused ({@code X-Correlation-Id}, or generated). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The {@code Idempotency-Key} of the request that caused it. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private MetadataKeys() {
    }
}
