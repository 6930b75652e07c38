package dev.keel.command.idempotency;

import org.springframework.http.server.reactive.ServerHttpRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a request asked for: method, path and parsed body. Two requests under one idempotency key
 * must have the same fingerprint, or the second is refused.
 */
public final class RequestFingerprint {

    /** Metadata key; only commands sent for an HTTP request carry it, never the messages they cause. */
    public static final String METADATA_KEY = "requestFingerprint";

    private RequestFingerprint() {
    }

    public static String of(ServerHttpRequest request, byte[] canonicalBody) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod().name() + ' ' + request.getPath().value() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(canonicalBody);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
