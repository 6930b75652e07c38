package dev.keel.command.idempotency;

import org.springframework.http.server.reactive.ServerHttpRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What a request asked for: method, path and parsed body. Two requests under one idempotency key
 * must have the same fingerprint, or the second is refused.
 *
 * <p>The fingerprint is an HMAC with a secret key, not a plain hash: it is stored for a day, and
 * bodies hold passwords and personal data, which a plain hash would let anyone who reads the table
 * confirm by guessing.
 */
public final class RequestFingerprint {

    /** Metadata key; only commands sent for an HTTP request carry it, never the messages they cause. */
    public static final String METADATA_KEY = "requestFingerprint";

    private final SecretKeySpec key;

    /** @param key at least 32 secret bytes, the same on every node */
    public RequestFingerprint(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A fingerprint key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String of(ServerHttpRequest request, byte[] canonicalBody) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update((request.getMethod().name() + ' ' + request.getPath().value() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hmac.doFinal(canonicalBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
