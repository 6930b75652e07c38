package dev.keel.app.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rotation procedure of the README, on the real encoder and decoder beans: the new key signs,
 * an older key still in the set verifies, a key taken out of the set no longer does.
 */
class KeyRotationTest {

    private final SecurityConfiguration security = new SecurityConfiguration();
    private final JwtProperties properties = new JwtProperties("", "keel", "keel", Duration.ofMinutes(15));
    private final RSAKey older = key("older");
    private final RSAKey newer = key("newer");

    @Test
    void theFirstKeySignsAndEveryKeyInTheSetVerifies() throws Exception {
        JWKSet rotated = new JWKSet(List.of(newer, older));
        ReactiveJwtDecoder decoder = security.jwtDecoder(rotated, properties);

        String issuedNow = security.jwtEncoder(rotated).encode(JwtEncoderParameters.from(JwtClaimsSet.builder()
                .issuer("keel").audience(List.of("keel")).subject("someone").expiresAt(Instant.now().plusSeconds(60)).build())).getTokenValue();
        assertThat(SignedJWT.parse(issuedNow).getHeader().getKeyID()).isEqualTo("newer");
        assertThat(decoder.decode(issuedNow).block().getSubject()).isEqualTo("someone");
        assertThat(decoder.decode(signedBy(older)).block().getSubject()).isEqualTo("issued-before-rotation");
    }

    @Test
    void aKeyRemovedFromTheSetNoLongerVerifies() {
        ReactiveJwtDecoder decoder = security.jwtDecoder(new JWKSet(newer), properties);
        assertThatThrownBy(() -> decoder.decode(signedBy(older)).block())
                .isInstanceOf(BadJwtException.class)
                .hasStackTraceContaining("no matching key");
    }

    private static String signedBy(RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer("keel").audience("keel").subject("issued-before-rotation")
                            .expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
