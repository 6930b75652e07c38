package dev.keel.app.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;

/** Only unexpired RS256 tokens that Keel signed get in; everything else is a 401 problem. */
class JwtValidationIntegrationTest extends KeelIntegrationTest {

    @Test
    void aValidStaffTokenGetsIn() {
        assertStatus(tokens.staff(), 201);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        assertUnauthorized(tokens.encode(claims().issuedAt(past).expiresAt(past.plus(5, ChronoUnit.MINUTES)).build()));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        assertUnauthorized(tokens.encode(claims().notBefore(later).expiresAt(later.plus(1, ChronoUnit.HOURS)).build()));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertUnauthorized(tokens.encode(JwtClaimsSet.builder().issuer("keel").subject("someone")
                .claim("roles", List.of("STAFF")).build()));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertUnauthorized(tokens.encode(claims().issuer("somebody-else").build()));
    }

    /** A token Keel signed for another of its audiences (another service sharing the keys) is not for us. */
    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertUnauthorized(tokens.encode(claims().audience(List.of("another-service")).build()));
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        Instant now = Instant.now();
        assertUnauthorized(tokens.encode(JwtClaimsSet.builder().issuer("keel").subject(UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(5, ChronoUnit.MINUTES)).claim("roles", List.of("STAFF")).build()));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        var foreignKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreignKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), staffClaims());
        jwt.sign(new RSASSASigner(foreignKey));
        assertUnauthorized(jwt.serialize());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertUnauthorized(new PlainJWT(staffClaims()).serialize());
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = tokens.forUser("someone", "CUSTOMER").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("CUSTOMER", "STAFF");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertUnauthorized(tampered);
    }

    @Test
    void garbageIsRefused() {
        assertUnauthorized("not-a-jwt");
    }

    private void assertUnauthorized(String token) {
        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(productRequest(uniqueSku(), "Sneaky", 100, "EUR"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthorized");
    }

    private void assertStatus(String token, int status) {
        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(productRequest(uniqueSku(), "Welcome", 100, "EUR"))
                .exchange()
                .expectStatus().isEqualTo(status);
    }

    private static JwtClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer("keel").audience(List.of("keel")).subject(UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(5, ChronoUnit.MINUTES)).claim("roles", List.of("STAFF"));
    }

    private static JWTClaimsSet staffClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("keel").audience("keel").subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)))
                .claim("roles", List.of("STAFF")).build();
    }
}
