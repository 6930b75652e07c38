package dev.keel.testing;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A local stand-in for the three Google endpoints the Firebase Admin SDK calls to verify an ID token
 * and check that it was not revoked, one per test JVM (started before the shared context, like
 * {@link TestMail}):
 * <ul>
 *   <li>the certificates of Firebase's token-signing keys, in the JSON shape the SDK fetches (here: one
 *       test key, which {@link #idToken} signs with);</li>
 *   <li>Google's OAuth token endpoint, which a service account's {@code token_uri} names: the SDK's
 *       credentials trade a JWT signed with the service account's key for an access token. The
 *       service account is generated at start and written to the file named by
 *       {@value #CREDENTIALS_PROPERTY}, with its {@code token_uri} pointing here;</li>
 *   <li>Identity Toolkit's {@code accounts:lookup}, which {@code verifyIdToken(token, true)} asks for
 *       the user's {@code validSince} and {@code disabled}.</li>
 * </ul>
 * Each checks the request as Google would (signature, audience, scope, bearer token, project, body)
 * and refuses anything else, recording it in {@link #refusedRequests()}. The SDK's own transport
 * ({@link NetHttpTransport}) is pointed here for the certificates and the lookup; the credentials
 * reach the token endpoint by its address in the file.
 */
public final class FirebaseStandIn implements AutoCloseable {

    public static final String PROJECT_ID = "keel-test";
    /** The system property naming the service-account file; the shared context reads it. */
    public static final String CREDENTIALS_PROPERTY = "keel.test.firebase-credentials";
    static final String KEY_ID = "keel-test-key-1";

    private static final String CERTIFICATES = "/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com";
    private static final String TOKEN = "/token";
    private static final String LOOKUP = "/v1/projects/" + PROJECT_ID + "/accounts:lookup";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final String IDENTITY_TOOLKIT_SCOPE = "https://www.googleapis.com/auth/identitytoolkit";
    private static final String SERVICE_ACCOUNT = "keel-test@" + PROJECT_ID + ".iam.gserviceaccount.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FirebaseStandIn SHARED = new FirebaseStandIn();

    /** A Firebase user as Identity Toolkit keeps it. */
    private record User(String uid, String email, boolean emailVerified, String name, long validSince,
                        boolean disabled) {
    }

    private final HttpServer server;
    private final PrivateKey signingKey;
    private final KeyPair serviceAccount;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger certificateFetches = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private volatile boolean lookupsFail;

    private FirebaseStandIn() {
        try {
            signingKey = privateKey(read("firebase/test-signing-key.pem"));
            serviceAccount = newKeyPair();
            String certificates = JSON.writeValueAsString(Map.of(KEY_ID, read("firebase/test-signing-cert.pem")));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    route(exchange, certificates);
                }
            });
            server.start();
            System.setProperty(CREDENTIALS_PROPERTY, writeServiceAccount().toString());
            Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the Firebase stand-in", e);
        }
    }

    /** The one stand-in of this test JVM, started on first use. */
    public static FirebaseStandIn shared() {
        return SHARED;
    }

    /** The SDK's own transport, with every connection going to this stand-in instead of Google. */
    HttpTransport transport() {
        int port = server.getAddress().getPort();
        return new NetHttpTransport.Builder()
                .setConnectionFactory(url -> (HttpURLConnection) URI.create("http://127.0.0.1:" + port + url.getFile())
                        .toURL().openConnection())
                .build();
    }

    /** Whether this stand-in's token endpoint issued the access token (other stand-ins check bearers here). */
    public boolean issued(String accessToken) {
        return accessTokens.containsKey(accessToken);
    }

    /** An access token this stand-in issued, if any (benchmarks replay the SDK's requests with it). */
    public java.util.Optional<String> anyIssuedToken() {
        return accessTokens.keySet().stream().findAny();
    }

    public int certificateFetches() {
        return certificateFetches.get();
    }

    /** How many user lookups (revocation checks) were answered. */
    public int lookups() {
        return lookups.get();
    }

    /** Requests refused because they were not what Google expects (empty when the SDK behaves). */
    public List<String> refusedRequests() {
        return List.copyOf(refused);
    }

    /** Revokes the user's refresh tokens, as {@code revokeRefreshTokens} does: earlier ID tokens stop working. */
    public void revokeTokens(String uid) {
        users.computeIfPresent(uid, (id, user) -> new User(id, user.email(), user.emailVerified(), user.name(),
                Instant.now().getEpochSecond(), user.disabled()));
    }

    public void disable(String uid) {
        users.computeIfPresent(uid, (id, user) -> new User(id, user.email(), user.emailVerified(), user.name(),
                user.validSince(), true));
    }

    /** While set, user lookups fail with 500, as when Google has an outage. */
    public void failLookups(boolean fail) {
        lookupsFail = fail;
    }

    /** A valid ID token of this project for the user, who exists in Firebase from now on. */
    public String idToken(String uid, String email, boolean emailVerified, String name) {
        return idToken(uid, email, emailVerified, name, claims -> claims, signingKey);
    }

    /** An ID token with its claims changed by {@code change}, signed by {@code key}. */
    public String idToken(String uid, String email, boolean emailVerified, String name,
                          UnaryOperator<JWTClaimsSet.Builder> change, PrivateKey key) {
        users.putIfAbsent(uid, new User(uid, email, emailVerified, name, 0, false));
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
        return sign(change.apply(claims).build(), KEY_ID, key);
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void route(HttpExchange exchange, String certificates) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("GET") && path.equals(CERTIFICATES)) {
            certificateFetches.incrementAndGet();
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
            respond(exchange, 200, certificates);
        } else if (method.equals("POST") && path.equals(TOKEN)) {
            token(exchange);
        } else if (method.equals("POST") && path.equals(LOOKUP)) {
            lookup(exchange);
        } else {
            refuse(exchange, 404, method + " " + path);
        }
    }

    /** Google's token endpoint for a service account: a JWT-bearer grant signed with its key. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String problem = grantProblem(form);
        if (problem != null) {
            refuse(exchange, 400, "token request: " + problem);
            return;
        }
        String accessToken = "ya29.stand-in-" + UUID.randomUUID();
        accessTokens.put(accessToken, true);
        respond(exchange, 200, JSON.writeValueAsString(Map.of("access_token", accessToken, "expires_in", 3600,
                "token_type", "Bearer")));
    }

    private String grantProblem(Map<String, String> form) {
        if (!JWT_BEARER.equals(form.get("grant_type"))) {
            return "grant_type " + form.get("grant_type");
        }
        try {
            SignedJWT assertion = SignedJWT.parse(form.getOrDefault("assertion", ""));
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            String scope = String.valueOf(claims.getClaim("scope"));
            if (!assertion.verify(new RSASSAVerifier((RSAPublicKey) serviceAccount.getPublic()))) {
                return "assertion not signed by the service account's key";
            }
            if (!SERVICE_ACCOUNT.equals(claims.getIssuer()) || !claims.getAudience().contains(GOOGLE_TOKEN_AUDIENCE)
                    || claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())
                    || !Arrays.asList(scope.split(" ")).contains(IDENTITY_TOOLKIT_SCOPE)) {
                return "assertion claims " + claims.toJSONObject();
            }
            return null;
        } catch (Exception e) {
            return "assertion " + e.getMessage();
        }
    }

    /** Identity Toolkit's {@code accounts:lookup} by uid, for a caller with an access token from here. */
    private void lookup(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !accessTokens.containsKey(authorization.substring("Bearer ".length()))) {
            refuse(exchange, 401, "lookup with authorization " + authorization);
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode uids = body.path("localId");
        if (body.size() != 1 || !uids.isArray() || uids.size() != 1) {
            refuse(exchange, 400, "lookup body " + body);
            return;
        }
        if (lookupsFail) {
            respond(exchange, 500, googleError(500, "INTERNAL", "The stand-in was told to fail"));
            return;
        }
        lookups.incrementAndGet();
        User user = users.get(uids.get(0).asString());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "identitytoolkit#GetAccountInfoResponse");
        if (user != null) {
            answer.put("users", List.of(record(user)));
        }
        respond(exchange, 200, JSON.writeValueAsString(answer));
    }

    /** A user as {@code accounts:lookup} answers it: numbers as strings, absent fields left out. */
    private static Map<String, Object> record(User user) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("localId", user.uid());
        if (user.email() != null) {
            record.put("email", user.email());
        }
        record.put("emailVerified", user.emailVerified());
        if (user.name() != null) {
            record.put("displayName", user.name());
        }
        record.put("disabled", user.disabled());
        record.put("validSince", Long.toString(user.validSince()));
        record.put("createdAt", "1494364393000");
        return record;
    }

    private void refuse(HttpExchange exchange, int status, String what) throws IOException {
        refused.add(what);
        respond(exchange, status, googleError(status, status == 401 ? "UNAUTHENTICATED" : "INVALID_ARGUMENT", what));
    }

    private static String googleError(int status, String reason, String message) {
        return JSON.writeValueAsString(Map.of("error", Map.of("code", status, "message", message, "status", reason)));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).filter(pair -> pair.length == 2)
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (first, second) -> second));
    }

    /** The service account's JSON key file, as the Firebase console hands it out, with {@code token_uri} here. */
    private Path writeServiceAccount() throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(serviceAccount.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = Files.createTempFile("keel-test-service-account", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, JSON.writeValueAsString(Map.of("type", "service_account", "project_id", PROJECT_ID,
                "private_key_id", "stand-in-service-account-key", "private_key", pem, "client_email", SERVICE_ACCOUNT,
                "client_id", "100000000000000000001",
                "token_uri", "http://127.0.0.1:" + server.getAddress().getPort() + TOKEN)));
        return file;
    }

    private static String sign(JWTClaimsSet claims, String keyId, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a test ID token", e);
        }
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
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
