package dev.keel.testing;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.reactivestreams.Publisher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every answer the test JVM's Keel gives, from every integration test: method, path, status, header
 * names and JSON bodies. Recorded around the whole of WebFlux (an {@code HttpHandler} decorator), so
 * what security filters and error handlers answer is in it too; only what the HTTP decoder refuses
 * before WebFlux sees it (414, 431) is not. {@code DocumentedResponsesIntegrationTest} compares it
 * with the OpenAPI document after the other tests have run.
 */
@Component
public class ExchangeLog implements WebHttpHandlerBuilderCustomizer {

    /** Enough for every test of a run; bodies beyond {@value #MAX_BODY} bytes are not kept. */
    private static final int MAX_EXCHANGES = 200_000;
    private static final int MAX_BODY = 256 * 1024;
    private static final Queue<Exchange> EXCHANGES = new ConcurrentLinkedQueue<>();

    /** One answer; {@code body} is {@code null} unless it was JSON of at most {@value #MAX_BODY} bytes. */
    public static final class Exchange {
        private final String method;
        private final String path;
        private volatile int status;
        private volatile Set<String> headers = Set.of();
        private volatile String contentType;
        private volatile byte[] body;

        Exchange(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public String method() {
            return method;
        }

        public String path() {
            return path;
        }

        public int status() {
            return status;
        }

        /** Response header names, lower case. */
        public Set<String> headers() {
            return headers;
        }

        public String contentType() {
            return contentType;
        }

        public byte[] body() {
            return body;
        }
    }

    public static List<Exchange> exchanges() {
        return List.copyOf(EXCHANGES);
    }

    @Override
    public void customize(WebHttpHandlerBuilder builder) {
        builder.httpHandlerDecorator(handler -> (request, response) -> {
            if (EXCHANGES.size() >= MAX_EXCHANGES) {
                return handler.handle(request, response);
            }
            return handler.handle(request, new Recording(request, response));
        });
    }

    private static final class Recording extends ServerHttpResponseDecorator {

        private final Exchange exchange;

        Recording(ServerHttpRequest request, ServerHttpResponse response) {
            super(response);
            exchange = new Exchange(request.getMethod().name(), request.getPath().pathWithinApplication().value());
            response.beforeCommit(() -> {
                exchange.status = getStatusCode() == null ? 200 : getStatusCode().value();
                Set<String> names = new TreeSet<>();
                getHeaders().headerNames().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
                exchange.headers = names;
                MediaType type = getHeaders().getContentType();
                exchange.contentType = type == null ? null : type.toString();
                EXCHANGES.add(exchange);
                return Mono.empty();
            });
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            MediaType type = getHeaders().getContentType();
            if (type == null || !type.getSubtype().endsWith("json")) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(body).flatMap(joined -> {
                if (joined.readableByteCount() <= MAX_BODY) {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.toByteBuffer(joined.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
                    exchange.body = bytes;
                }
                return super.writeWith(Mono.just(joined));
            });
        }
    }
}
