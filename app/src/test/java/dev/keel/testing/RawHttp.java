package dev.keel.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to the running Keel, byte for byte as written: repeated headers,
 * raw percent-escapes, malformed UTF-8 and oversized lines reach the server unchanged, which an
 * HTTP client library would refuse or normalise.
 */
@Component
public class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;
    private final InetAddress localAddress;

    @Autowired
    RawHttp(Environment environment) {
        this(environment, null);
    }

    private RawHttp(Environment environment, InetAddress localAddress) {
        this.environment = environment;
        this.localAddress = localAddress;
    }

    /**
     * Connects from another loopback address (127.0.0.2, say), so what is counted per client IP
     * (failed logins) does not spill over to other tests.
     */
    public RawHttp from(InetAddress localAddress) {
        return new RawHttp(environment, localAddress);
    }

    public Request request(String method, String target) {
        return new Request(method, target);
    }

    /** Sends {@code head} (request line and headers, each ending in CRLF) and {@code body} as they are. */
    public Response exchange(String head, byte[] body) {
        return exchange(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    public Response exchange(byte[] head, byte[] body) {
        return exchangeAll(head, body).getFirst();
    }

    /** For pipelined requests: every response the server sent before it closed the connection. */
    public List<Response> exchangeAll(byte[] head, byte[] body) {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Response.parseAll(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Request {

        private final StringBuilder head = new StringBuilder();
        private final ByteArrayOutputStream rawHeaders = new ByteArrayOutputStream();
        private byte[] body = new byte[0];

        private Request(String method, String target) {
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost\r\nConnection: close\r\n");
        }

        /** Adds one header line; call it twice with a name to send the header twice. */
        public Request header(String name, String value) {
            head.append(name).append(": ").append(value).append("\r\n");
            return this;
        }

        /** Adds one header line whose value is these bytes, whatever they are. */
        public Request header(String name, byte[] value) {
            rawHeaders.writeBytes((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
            rawHeaders.writeBytes(value);
            rawHeaders.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            return body(bytes);
        }

        /** A body without a Content-Type header. */
        public Request body(byte[] bytes) {
            body = bytes;
            return this;
        }

        public Response send() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            all.writeBytes(rawHeaders.toByteArray());
            all.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return exchange(all.toByteArray(), body);
        }
    }

    /** A response as read off the wire; the connection is closed after it. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text();
        }

        static List<Response> parseAll(byte[] all) throws IOException {
            List<Response> responses = new ArrayList<>();
            int from = 0;
            do {
                from = parse(all, from, responses);
            } while (from < all.length);
            return responses;
        }

        /** @return where the next response starts */
        private static int parse(byte[] all, int from, List<Response> into) throws IOException {
            int end = indexOf(all, from, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (end < 0) {
                throw new IOException("No complete response head in " + new String(all, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(all, from, end - from, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            List<String> length = headers.get("content-length");
            int bodyEnd = length == null ? all.length : Math.min(all.length, end + 4 + Integer.parseInt(length.getFirst()));
            into.add(new Response(status, headers, Arrays.copyOfRange(all, end + 4, bodyEnd)));
            return bodyEnd;
        }

        private static int indexOf(byte[] data, int from, byte[] pattern) {
            outer:
            for (int i = from; i + pattern.length <= data.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
