package dev.keel.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./keel token STAFF [user-id]}: prints an access token signed with the local signing key
 * ({@code KEEL_JWT_KEYS}, else the development key in the data folder), for trying the API by hand.
 */
public final class DevToken {

    private DevToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ./keel token ROLE[,ROLE...] [user-id]");
            System.exit(2);
        }
        List<String> roles = List.of(args[0].toUpperCase(Locale.ROOT).split(","));
        String subject = args.length > 1 ? args[1] : UUID.randomUUID().toString();
        System.out.println(sign(signingKey(), subject, roles, System.getenv().getOrDefault("KEEL_JWT_ISSUER", "keel")));
    }

    private static RSAKey signingKey() throws Exception {
        String configured = System.getenv("KEEL_JWT_KEYS");
        if (configured != null && !configured.isBlank()) {
            return (RSAKey) SigningKeys.fromJson(configured).getKeys().getFirst();
        }
        Path file = Path.of(System.getenv().getOrDefault("KEEL_DATA_DIR", "data"), "jwt-signing-keys.json");
        if (!Files.exists(file)) {
            throw new IllegalStateException("No " + file + " yet: start Keel once with ./keel run");
        }
        return (RSAKey) SigningKeys.fromJson(Files.readString(file)).getKeys().getFirst();
    }

    private static String sign(RSAKey key, String subject, List<String> roles, String issuer) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject(subject)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(1, ChronoUnit.HOURS)))
                        .claim("roles", roles)
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
