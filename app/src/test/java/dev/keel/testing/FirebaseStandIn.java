package dev.keel.testing;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A local stand-in for Google's certificate endpoint: the Firebase Admin SDK's own HTTP transport
 * ({@link NetHttpTransport}) is pointed at it, and it serves the X.509 certificate of a test key in
 * the JSON shape the SDK fetches. {@link #idToken} mints Firebase-shaped ID tokens with that key.
 */
public final class FirebaseStandIn implements AutoCloseable {

    public static final String PROJECT_ID = "keel-test";
    static final String KEY_ID = "keel-test-key-1";

    private final HttpServer server;
    private final PrivateKey signingKey;
    private final AtomicInteger certificateFetches = new AtomicInteger();

    FirebaseStandIn() {
        try {
            signingKey = privateKey(read("firebase/test-signing-key.pem"));
            String certificates = "{\"" + KEY_ID + "\": \"" + read("firebase/test-signing-cert.pem").replace("\n", "\\n") + "\"}";
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                certificateFetches.incrementAndGet();
                byte[] body = certificates.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
                exchange.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the Firebase stand-in", e);
        }
    }

    /** The SDK's own transport, with every connection going to this stand-in instead of Google. */
    HttpTransport transport() {
        int port = server.getAddress().getPort();
        return new NetHttpTransport.Builder()
                .setConnectionFactory(url -> (HttpURLConnection) URI.create("http://127.0.0.1:" + port + url.getFile())
                        .toURL().openConnection())
                .build();
    }

    public int certificateFetches() {
        return certificateFetches.get();
    }

    /** A valid ID token of this project for the user. */
    public String idToken(String uid, String email, boolean emailVerified, String name) {
        return idToken(uid, email, emailVerified, name, claims -> claims, signingKey);
    }

    /** An ID token with its claims changed by {@code change}, signed by {@code key}. */
    public String idToken(String uid, String email, boolean emailVerified, String name,
                          UnaryOperator<JWTClaimsSet.Builder> change, PrivateKey key) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("https://securetoken.google.com/" + PROJECT_ID)
                .audience(PROJECT_ID)
                .subject(uid)
                .issueTime(Date.from(now.minus(1, ChronoUnit.MINUTES)))
                .expirationTime(Date.from(now.plus(1, ChronoUnit.HOURS)))
                .claim("auth_time", now.minus(1, ChronoUnit.MINUTES).getEpochSecond())
                .claim("user_id", uid)
                .claim("email", email)
                .claim("email_verified", emailVerified)
                .claim("name", name)
                .claim("firebase", Map.of("sign_in_provider", "google.com", "identities", Map.of()));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), change.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a test ID token", e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String read(String resource) throws IOException {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PrivateKey privateKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("Bad test key", e));
        }
    }
}
