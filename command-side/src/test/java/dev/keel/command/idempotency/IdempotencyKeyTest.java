package dev.keel.command.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @Test
    void acceptsAUuid() {
        var request = MockServerHttpRequest.post("/v1/x").header("Idempotency-Key", "6f1c7f5e-0b8f-4a5e-9d51-2b2f0c8d1e11").build();
        assertThat(IdempotencyKey.from(request).value()).isEqualTo("6f1c7f5e-0b8f-4a5e-9d51-2b2f0c8d1e11");
    }

    @Test
    void refusesAMissingKey() {
        assertThatThrownBy(() -> IdempotencyKey.from(MockServerHttpRequest.post("/v1/x").build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getBody().getType().toString()).isEqualTo("/problems/missing-idempotency-key"));
    }

    @Test
    void refusesKeysWithSpacesOrTooLong() {
        assertThatThrownBy(() -> IdempotencyKey.from(MockServerHttpRequest.post("/v1/x").header("Idempotency-Key", "a b").build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getBody().getProperties()).containsKey("errors"));
        assertThatThrownBy(() -> IdempotencyKey.from(MockServerHttpRequest.post("/v1/x").header("Idempotency-Key", "k".repeat(256)).build()))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void theFingerprintDependsOnMethodPathBodyAndTheSecretKey() {
        var fingerprint = new RequestFingerprint("k".repeat(32).getBytes());
        var post = MockServerHttpRequest.post("/v1/products").build();
        var put = MockServerHttpRequest.put("/v1/products").build();
        byte[] body = "{\"a\":1}".getBytes();
        assertThat(fingerprint.of(post, body)).isEqualTo(fingerprint.of(post, body.clone()))
                .isNotEqualTo(fingerprint.of(put, body))
                .isNotEqualTo(fingerprint.of(post, "{\"a\":2}".getBytes()))
                .as("without the key, nobody can recompute it from a guessed body")
                .isNotEqualTo(new RequestFingerprint("x".repeat(32).getBytes()).of(post, body));
    }
}
