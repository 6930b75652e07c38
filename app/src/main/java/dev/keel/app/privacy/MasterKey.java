package dev.keel.app.privacy;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The one secret everything personal hangs on: it wraps the per-person data keys and, through
 * {@link #derive}, keys the email blind index. 32 bytes, from {@code KEEL_MASTER_KEY} (base64).
 */
public final class MasterKey {

    private final byte[] bytes;

    private MasterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes (base64 of 32 random bytes), got "
                    + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /**
     * @throws IllegalArgumentException if {@code base64} is not base64 of 32 bytes (the message never holds the key)
     */
    public static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keel.privacy.master-key is not base64 of 32 bytes");
        }
    }

    /** A new random key, for a deployment's {@code KEEL_MASTER_KEY}. */
    public static MasterKey generate() {
        return new MasterKey(Aes.randomKey());
    }

    static MasterKey of(byte[] bytes) {
        return new MasterKey(bytes);
    }

    /** For handing the key to another node in tests; never log it. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretKey wrappingKey() {
        return new SecretKeySpec(derive("keel/data-key-wrapping/v1"), "AES");
    }

    /** A separate 32-byte key for one purpose, so no two uses ever share key material. */
    public byte[] derive(String purpose) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return hmac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
