package dev.keel.testing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mints access tokens with Keel's own signing key, as the login endpoint will. */
@Component
public class TestTokens {

    private final JwtEncoder encoder;
    private final String issuer;
    private final String audience;

    TestTokens(JwtEncoder encoder, @Value("${keel.jwt.issuer}") String issuer,
               @Value("${keel.jwt.audience}") String audience) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String staff() {
        return forUser(UUID.randomUUID().toString(), "STAFF");
    }

    public String customer() {
        return forUser(UUID.randomUUID().toString(), "CUSTOMER");
    }

    /** The audience Keel requires, for a test that mints a token of its own shape. */
    public String audience() {
        return audience;
    }

    public String forUser(String userId, String... roles) {
        Instant now = Instant.now();
        return encode(JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(userId)
                .issuedAt(now)
                .expiresAt(now.plus(15, ChronoUnit.MINUTES))
                .claim("roles", List.of(roles))
                .build());
    }

    /** The claims of an access token, read without checking it. */
    public static Map<?, ?> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readValue(payload, Map.class);
    }

    public String encode(JwtClaimsSet claims) {
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
