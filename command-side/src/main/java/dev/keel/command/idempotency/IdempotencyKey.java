package dev.keel.command.idempotency;

import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;


/** The {@code Idempotency-Key} header every command endpoint requires: 1-255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    /**
     * @throws ErrorResponseException 400 when the header is missing or malformed
     */
    public static IdempotencyKey from(ServerHttpRequest request) {
        String value = request.getHeaders().getFirst(HEADER);
        if (value == null || value.isEmpty()) {
            throw problem("missing-idempotency-key", "Send an " + HEADER
                    + " header (a new UUID per logical request) so retries are safe");
        }
        if (value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw problem("invalid-idempotency-key", HEADER + " must be 1-" + MAX_LENGTH
                    + " visible ASCII characters");
        }
        return new IdempotencyKey(value);
    }

    private static ErrorResponseException problem(String type, String detail) {
        return Problems.error(HttpStatus.BAD_REQUEST, type, detail);
    }
}
