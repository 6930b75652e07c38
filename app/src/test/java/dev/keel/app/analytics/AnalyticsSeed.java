package dev.keel.app.analytics;

import dev.keel.testing.Storefront;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Orders placed through the API, and what the analytics endpoints should say about them, computed
 * here from the placement answers (the OrderViews), not from the index.
 */
final class AnalyticsSeed {

    /** A line as the placement answered it, with the category its product was created in. */
    record Line(String orderId, int lineNumber, String customer, String productId, String category, long quantity,
                long lineTotalMinor, String currency, Instant placedAt) {
    }

    final List<Line> lines = new ArrayList<>();
    final Map<String, String> statuses = new HashMap<>();
    private final WebTestClient web;

    AnalyticsSeed(WebTestClient web) {
        this.web = web;
    }

    /** Places an order and records its lines; returns the order id. */
    String place(Storefront shop, String accessToken, String customer, Map<String, Integer> quantities,
                 Map<String, String> categories, Map<String, Object> address) {
        Map<String, Object> body = Storefront.order(new LinkedHashMap<>(quantities), null);
        if (address != null) {
            body.put("shippingAddress", address);
        }
        Map<?, ?> order = shop.place(accessToken, body);
        String orderId = (String) order.get("orderId");
        Instant placedAt = Instant.parse((String) order.get("placedAt"));
        List<?> placed = (List<?>) order.get("lines");
        for (int i = 0; i < placed.size(); i++) {
            Map<?, ?> line = (Map<?, ?>) placed.get(i);
            Map<?, ?> total = (Map<?, ?>) line.get("lineTotal");
            String product = (String) line.get("productId");
            lines.add(new Line(orderId, i, customer, product, categories.get(product),
                    ((Number) line.get("quantity")).longValue(), ((Number) total.get("amountMinor")).longValue(),
                    (String) total.get("currency"), placedAt));
        }
        statuses.put(orderId, "PLACED");
        return orderId;
    }

    List<Line> sales() {
        return lines.stream().filter(line -> !"CANCELLED".equals(statuses.get(line.orderId()))).toList();
    }

    static Instant day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    static long average(long total, long count) {
        return count == 0 ? 0 : Math.floorDiv(2 * total + count, 2 * count);
    }

    /** Every line of the period from {@code GET /v1/analytics/orders}, following the cursors. */
    List<Map<?, ?>> listed(String token, Instant from, Instant to, String q, int size) {
        List<Map<?, ?>> all = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            Map<?, ?> answer = web.get().uri(uri -> {
                        uri.path("/v1/analytics/orders").queryParam("from", from.toString()).queryParam("to", to.toString())
                                .queryParam("size", size);
                        if (q != null) {
                            uri.queryParam("q", q);
                        }
                        return page == null ? uri.build() : uri.queryParam("cursor", "{c}").build(page);
                    })
                    .headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            ((List<?>) answer.get("items")).forEach(item -> all.add((Map<?, ?>) item));
            cursor = (String) answer.get("nextCursor");
        } while (cursor != null);
        return all;
    }

    /** Waits until the index shows every seeded line in its order's latest status. */
    void awaitIndexed(String token, Instant from, Instant to) {
        await().atMost(Duration.ofSeconds(60)).until(() -> listed(token, from, to, null, 100),
                indexed(lines.size(), item -> statuses.get((String) item.get("orderId")).equals(item.get("status"))));
    }

    static Predicate<List<Map<?, ?>>> indexed(int count, Predicate<Map<?, ?>> each) {
        return items -> items.size() == count && items.stream().allMatch(each);
    }

    static String uniqueCategory(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
