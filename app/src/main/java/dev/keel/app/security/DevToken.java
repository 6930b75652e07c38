package dev.keel.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./keel token STAFF [user-id]}: prints an access token signed with the development key that
 * {@code ./keel run} keeps in its data folder, for trying the API by hand. It mints any role at will, so
 * it refuses every other key: configured ones ({@code KEEL_JWT_KEYS}), and a key file Keel did not
 * generate for development (a deployment's data folder of older versions kept its real key there).
 */
public final class DevToken {

    private DevToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ./keel token ROLE[,ROLE...] [user-id]");
            System.exit(2);
        }
        try {
            System.out.println(token(System.getenv(), args));
        } catch (IllegalStateException refused) {
            System.err.println("./keel token: " + refused.getMessage());
            System.exit(1);
        }
    }

    static String token(Map<String, String> environment, String... args) throws IOException, JOSEException {
        List<String> roles = List.of(args[0].toUpperCase(Locale.ROOT).split(","));
        String subject = args.length > 1 ? args[1] : UUID.randomUUID().toString();
        return sign(signingKey(environment), subject, roles, environment.getOrDefault("KEEL_JWT_ISSUER", "keel"),
                environment.getOrDefault("KEEL_JWT_AUDIENCE", "keel"));
    }

    private static RSAKey signingKey(Map<String, String> environment) throws IOException {
        String configured = environment.get("KEEL_JWT_KEYS");
        if (configured != null && !configured.isBlank()) {
            throw new IllegalStateException("KEEL_JWT_KEYS is set. This tool signs only with the development key of"
                    + " ./keel run, never with configured keys, which sign real users' tokens. On a deployment, sign"
                    + " in with a STAFF account (KEEL_ADMIN_EMAIL) instead.");
        }
        Path file = Path.of(environment.getOrDefault("KEEL_DATA_DIR", "data"), "jwt-signing-keys.json");
        if (!Files.exists(file)) {
            throw new IllegalStateException("No " + file + " yet: start Keel once with ./keel run");
        }
        RSAKey key = (RSAKey) SigningKeys.fromJson(Files.readString(file)).getKeys().getFirst();
        if (!SigningKeys.isDevelopmentKey(key)) {
            throw new IllegalStateException(("%s holds a key with id '%s', not a development key (Keel gives those"
                    + " ids starting with '%s'), so it may sign a deployment's tokens. If it is the key of an older"
                    + " ./keel run, delete it: the next ./keel run makes a new one (and signs everybody out).")
                    .formatted(file, key.getKeyID(), SigningKeys.DEVELOPMENT_KEY_ID));
        }
        return key;
    }

    private static String sign(RSAKey key, String subject, List<String> roles, String issuer, String audience)
            throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(audience)
                        .subject(subject)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(1, ChronoUnit.HOURS)))
                        .claim("roles", roles)
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
