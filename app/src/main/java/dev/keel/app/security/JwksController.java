package dev.keel.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * The public half of every key in the set (signing and still-verifying ones), so other services can
 * check Keel's access tokens. Private parts never leave: {@code toPublicJWKSet} drops them.
 */
@RestController
@Tag(name = "Sessions")
class JwksController {

    static final String PATH = "/.well-known/jwks.json";

    private final Map<String, Object> publicKeys;

    JwksController(JWKSet keys) {
        this.publicKeys = keys.toPublicJWKSet().toJSONObject(true);
    }

    @Operation(summary = "Keel's public signing keys (JWK set); the first is the one signing now")
    @Public
    @GetMapping(PATH)
    ResponseEntity<Map<String, Object>> findSigningKeys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(publicKeys);
    }
}
