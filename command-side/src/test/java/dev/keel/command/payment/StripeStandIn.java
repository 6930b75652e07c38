package dev.keel.command.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for the Stripe API: it records every request the real SDK sends
 * (method, path, query, headers, form fields) and answers with the responses queued per path.
 */
final class StripeStandIn implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, String> headers, Map<String, String> form) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    record Response(int status, String json) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Response>> answers = new LinkedHashMap<>();

    StripeStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next request to {@code path} with this; the last answer queued is repeated. */
    synchronized StripeStandIn answer(String path, int status, String json) {
        answers.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Response(status, json));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), headers,
                form(body)));
        Response response = next(path);
        byte[] json = response.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_standin");
        exchange.sendResponseHeaders(response.status(), json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    private synchronized Response next(String path) {
        Deque<Response> queued = answers.get(path);
        if (queued == null || queued.isEmpty()) {
            return new Response(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no stand-in answer for "
                    + path + "\"}}");
        }
        return queued.size() > 1 ? queued.poll() : queued.peek();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int at = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
