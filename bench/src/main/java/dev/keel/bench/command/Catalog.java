package dev.keel.bench.command;

import dev.keel.bench.load.Http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catalog commands as a mobile client sends them: a bearer token, a fresh {@code Idempotency-Key} per
 * request and a realistic body. Products are numbered so SKUs and names stay unique and of one length.
 */
public final class Catalog {

    /** Placeholders of the template product, replaced by {@link #sku(long)} and {@link #name(long)}. */
    public static final String TEMPLATE_SKU = sku(0);
    public static final String TEMPLATE_NAME = name(0);
    public static final String DESCRIPTION = "Enamel camping mug, blue, 350 ml. Dishwasher safe; keeps coffee warm for an hour.";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final AtomicLong numbers = new AtomicLong();

    public Catalog(URI base) {
        this.base = base;
    }

    public static String sku(long number) {
        return String.format(Locale.ROOT, "SKU-%010d", number);
    }

    public static String name(long number) {
        return String.format(Locale.ROOT, "Bench product %010d", number);
    }

    public long nextNumber() {
        return numbers.incrementAndGet();
    }

    public HttpRequest createProduct(String token, long number) {
        String body = "{\"sku\":\"" + sku(number) + "\",\"name\":\"" + name(number) + "\",\"description\":\""
                + DESCRIPTION + "\",\"price\":{\"amountMinor\":1299,\"currency\":\"EUR\"}}";
        return HttpRequest.newBuilder(base.resolve("/v1/products"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    public HttpRequest changePrice(String token, String productId, long expectedVersion) {
        return HttpRequest.newBuilder(base.resolve("/v1/products/" + productId + "/price"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"" + expectedVersion + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"amountMinor\":999,\"currency\":\"EUR\"}"))
                .build();
    }

    /** A price change with no {@code If-Match}: it applies to whatever version the product is at. */
    public HttpRequest changePriceAnyVersion(String token, String productId, long amountMinor) {
        return HttpRequest.newBuilder(base.resolve("/v1/products/" + productId + "/price"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"amountMinor\":" + amountMinor + ",\"currency\":\"EUR\"}"))
                .build();
    }

    /** Creates one product and returns its id (from the 201 body). */
    public String create(String token, long number) throws Exception {
        String body = new String(Http.expect(createProduct(token, number), 201).body());
        return body.replaceAll(".*\"productId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    public HttpRequest find(String productId) {
        return HttpRequest.newBuilder(base.resolve("/v1/products/" + productId)).timeout(TIMEOUT).GET().build();
    }
}
