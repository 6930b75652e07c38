package dev.keel.command.idempotency;

import dev.keel.web.Problems;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * The {@code Idempotency-Key} header every command endpoint requires: 1-255 visible ASCII characters.
 * A key sent twice never gets here (the app refuses repeated single-valued headers up front).
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    /**
     * @throws ErrorResponseException 400 naming the header when it is missing or malformed
     */
    public static IdempotencyKey from(ServerHttpRequest request) {
        List<String> values = request.getHeaders().get(HEADER);
        if (values == null || values.isEmpty() || values.getFirst().isEmpty()) {
            throw problem("missing-idempotency-key", "Send an " + HEADER
                    + " header (a new UUID per logical request) so retries are safe");
        }
        String value = values.getFirst();
        if (value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw problem("invalid-idempotency-key", HEADER + " must be 1-" + MAX_LENGTH
                    + " visible ASCII characters");
        }
        return new IdempotencyKey(value);
    }

    private static ErrorResponseException problem(String type, String detail) {
        return Problems.invalid(type, HEADER, detail);
    }
}
