package dev.keel.command.request;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.command.idempotency.IdempotencyKey;
import dev.keel.command.idempotency.RequestFingerprint;
import dev.keel.web.Problems;
import org.axonframework.messaging.MetaData;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a command's metadata from the HTTP request that caused it. */
final class RequestMetadata {

    static final String DEVICE_ID_HEADER = "X-Device-Id";
    static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    private static final int MAX_HEADER_VALUE = 128;

    private RequestMetadata() {
    }

    /** @param key {@code null} for requests that carry none (then neither does the metadata) */
    static MetaData of(ServerWebExchange exchange, Principal principal, IdempotencyKey key, String fingerprint) {
        ServerHttpRequest request = exchange.getRequest();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, CommandSender.actorOf(principal));
        metadata.put(MetadataKeys.ROLES, rolesOf(principal));
        metadata.put(MetadataKeys.CORRELATION_ID, header(request, CORRELATION_ID_HEADER, UUID.randomUUID().toString()));
        if (key != null) {
            metadata.put(MetadataKeys.IDEMPOTENCY_KEY, key.value());
            metadata.put(RequestFingerprint.METADATA_KEY, fingerprint);
        }
        String deviceId = header(request, DEVICE_ID_HEADER, null);
        if (deviceId != null) {
            metadata.put(MetadataKeys.DEVICE_ID, deviceId);
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            metadata.put(MetadataKeys.CLIENT_IP, remote.getAddress().getHostAddress());
        }
        return MetaData.from(metadata);
    }

    private static List<String> rolesOf(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return List.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
    }

    /**
     * Client-chosen values end up in every event's metadata, so they are taken only as 1-128 visible
     * ASCII characters: a longer one is refused rather than cut, and bytes beyond ASCII rather than
     * stored as whatever Latin-1 makes of them.
     */
    private static String header(ServerHttpRequest request, String name, String fallback) {
        String value = request.getHeaders().getFirst(name);
        if (value == null) {
            return fallback;
        }
        if (value.isEmpty() || value.length() > MAX_HEADER_VALUE
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Problems.invalid("invalid-field", name, name + " must be 1-" + MAX_HEADER_VALUE
                    + " visible ASCII characters");
        }
        return value;
    }
}
