package dev.keel.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for FCM's HTTP v1 send endpoint ({@code POST /v1/projects/{project}/messages:send}),
 * one per test JVM, at the address the shared context's {@code keel.push.fcm-url} names. It checks
 * what FCM checks (the bearer token came from {@link FirebaseStandIn}'s token endpoint, the project,
 * a JSON body with {@code message.token}), records every request as received, and answers each token
 * with a success unless a test told it to fail that token ({@link #failNext}); the failures look like
 * FCM's own (HTTP status, {@code error.status}, the {@code FcmError} detail, {@code Retry-After}).
 */
public final class FcmStandIn implements AutoCloseable {

    public static final String URL_PROPERTY = "keel.test.fcm-url";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FcmStandIn SHARED = new FcmStandIn(FirebaseStandIn.shared(), FirebaseStandIn.PROJECT_ID);

    /** A request as it arrived: when, the body, and the status it was answered with. */
    public record Received(Instant at, JsonNode body, int status) {
        public String token() {
            return body.path("message").path("token").asString();
        }
    }

    /** An FCM error for a token, answered {@code times} times before it succeeds again. */
    public enum Error {
        UNREGISTERED(404, "NOT_FOUND"),
        INVALID_ARGUMENT(400, "INVALID_ARGUMENT"),
        UNAVAILABLE(503, "UNAVAILABLE"),
        INTERNAL(500, "INTERNAL"),
        QUOTA_EXCEEDED(429, "RESOURCE_EXHAUSTED");

        final int status;
        final String canonical;

        Error(int status, String canonical) {
            this.status = status;
            this.canonical = canonical;
        }
    }

    private record Failure(Error error, Integer retryAfterSeconds) {
    }

    private final HttpServer server;
    private final FirebaseStandIn google;
    private final String sendPath;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Failure>> failures = new ConcurrentHashMap<>();
    private volatile int delayMillis;

    public FcmStandIn(FirebaseStandIn google, String projectId) {
        this.google = google;
        this.sendPath = "/v1/projects/" + projectId + "/messages:send";
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory()));
            server.createContext("/", exchange -> {
                try (exchange) {
                    route(exchange);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the FCM stand-in", e);
        }
    }

    /** The one stand-in of this test JVM; its address is in {@value #URL_PROPERTY} for the shared context. */
    public static FcmStandIn shared() {
        System.setProperty(URL_PROPERTY, SHARED.url());
        return SHARED;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next {@code times} sends to {@code token} with {@code error}. */
    public void failNext(String token, Error error, int times, Integer retryAfterSeconds) {
        Queue<Failure> queue = failures.computeIfAbsent(token, key -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(new Failure(error, retryAfterSeconds));
            }
        }
    }

    /** Stops failing {@code token}. */
    public void recover(String token) {
        failures.remove(token);
    }

    /** Every send to {@code token}, in the order received, failures included. */
    public List<Received> sendsTo(String token) {
        return received.stream().filter(request -> token.equals(request.token())).toList();
    }

    /** The sends to {@code token} that FCM accepted. */
    public List<Received> acceptedFor(String token) {
        return sendsTo(token).stream().filter(request -> request.status() == 200).toList();
    }

    public int received() {
        return received.size();
    }

    /** Requests FCM would have refused as malformed or unauthenticated (empty when the SDK behaves). */
    public List<String> refusedRequests() {
        return List.copyOf(refused);
    }

    /** Each answer waits this long first, as a distant server's would. */
    public void delay(int millis) {
        delayMillis = millis;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void route(HttpExchange exchange) throws IOException {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String what = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        if (!what.equals("POST " + sendPath)) {
            refuse(exchange, 404, "NOT_FOUND", what);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !google.issued(authorization.substring("Bearer ".length()))) {
            refuse(exchange, 401, "UNAUTHENTICATED", "send with authorization " + authorization);
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            refuse(exchange, 400, "INVALID_ARGUMENT", "body not JSON: " + e.getMessage());
            return;
        }
        String token = body.path("message").path("token").asString("");
        if (token.isEmpty()) {
            refuse(exchange, 400, "INVALID_ARGUMENT", "no message.token in " + body);
            return;
        }
        Failure failure = nextFailure(token);
        if (failure == null) {
            received.add(new Received(Instant.now(), body, 200));
            respond(exchange, 200, JSON.writeValueAsString(Map.of("name",
                    "projects/keel-test/messages/" + UUID.randomUUID())));
            return;
        }
        received.add(new Received(Instant.now(), body, failure.error().status));
        if (failure.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().add("Retry-After", failure.retryAfterSeconds().toString());
        }
        respond(exchange, failure.error().status, JSON.writeValueAsString(Map.of("error", Map.of(
                "code", failure.error().status,
                "message", "The stand-in was told to answer " + failure.error(),
                "status", failure.error().canonical,
                "details", List.of(Map.of("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                        "errorCode", failure.error().name()))))));
    }

    private Failure nextFailure(String token) {
        Queue<Failure> queue = failures.get(token);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private void refuse(HttpExchange exchange, int status, String canonical, String what) throws IOException {
        refused.add(what);
        respond(exchange, status, JSON.writeValueAsString(Map.of("error", Map.of("code", status, "message", what,
                "status", canonical))));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
