package dev.keel.bench.read;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.util.Map;

/**
 * The read baseline: a bare Reactor Netty server (the server under WebFlux) in the harness JVM that
 * answers {@code GET /v1/products/{id}} with the very bytes and ETag the app answered, and nothing else.
 */
final class BareServer implements AutoCloseable {

    private final DisposableServer server;

    private BareServer(DisposableServer server) {
        this.server = server;
    }

    static BareServer serving(Map<String, Product> products) {
        return new BareServer(HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/v1/products/{id}", (request, response) -> {
                    Product product = products.get(request.param("id"));
                    if (product == null) {
                        return response.status(404).send();
                    }
                    return response.header("Content-Type", "application/json")
                            .header("Content-Length", Integer.toString(product.body().length))
                            .header("ETag", product.etag())
                            .sendByteArray(Mono.just(product.body()));
                }))
                .bindNow());
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** One product as the app answered it. */
    record Product(byte[] body, String etag) {
    }
}
