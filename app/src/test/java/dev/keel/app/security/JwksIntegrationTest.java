package dev.keel.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwksIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JWKSet signingKeys;

    @Test
    void theJwkSetIsPublicAndHoldsOnlyPublicKeys() {
        Map<?, ?> body = web.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*max-age.*")
                .expectBody(Map.class).returnResult().getResponseBody();

        List<?> keys = (List<?>) body.get("keys");
        assertThat(keys).hasSize(signingKeys.getKeys().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) keys.getFirst();
        assertThat(first.get("kid")).isEqualTo(signingKeys.getKeys().getFirst().getKeyID());
        assertThat(first.get("kty")).isEqualTo("RSA");
        assertThat(first).containsKeys("n", "e").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }
}
