package dev.keel.app.analytics;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.analytics.AnalyticsSeed.Line;
import dev.keel.command.order.PaymentStandIn;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Storefront;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics endpoints against orders this test places: each figure equals what the test computes
 * from the placement answers. The period starts after a returning customer's earlier order, so only
 * this test's orders are in it (integration test classes run one after another).
 */
class AnalyticsReportsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Storefront shop;
    @Autowired
    CommandGateway commands;

    private final Map<String, String> categories = new HashMap<>();
    private AnalyticsSeed seed;
    private Instant from;
    private Instant to;
    private String analyst;
    private String lampA;
    private String lampB;
    private String chair;

    @BeforeEach
    void orders() {
        analyst = tokens.forUser(java.util.UUID.randomUUID().toString(), "ANALYST");
        String lamps = AnalyticsSeed.uniqueCategory("Lamps");
        String chairs = AnalyticsSeed.uniqueCategory("Chairs");
        lampA = product("Analytics lamp A", 1_250, lamps);
        lampB = product("Analytics lamp B", 799, lamps);
        chair = product("Analytics chair", 4_000, chairs);
        seed = new AnalyticsSeed(web);
        Session returning = identity.newCustomer();
        Session first = identity.newCustomer();
        Session second = identity.newCustomer();

        String before = seed.place(shop, returning.accessToken(), returning.accountId(), Map.of(lampA, 1), categories, null);
        Instant earlier = seed.lines.getLast().placedAt();
        seed.lines.clear();
        seed.statuses.remove(before);
        from = earlier.plusMillis(1).isAfter(Instant.now()) ? earlier.plusMillis(1) : Instant.now();

        seed.place(shop, returning.accessToken(), returning.accountId(), ordered(lampA, 2, chair, 1), categories, null);
        seed.place(shop, first.accessToken(), first.accountId(), Map.of(lampB, 3), categories, null);
        String cancelled = seed.place(shop, second.accessToken(), second.accountId(), Map.of(lampA, 1), categories, null);
        String paid = seed.place(shop, second.accessToken(), second.accountId(), Map.of(chair, 2), categories, null);
        seed.place(shop, first.accessToken(), first.accountId(), ordered(lampA, 1, lampB, 1), categories, null);
        shop.cancel(second.accessToken(), cancelled);
        seed.statuses.put(cancelled, "CANCELLED");
        PaymentStandIn.pay(commands, paid);
        seed.statuses.put(paid, "PAID");
        to = Instant.now().plusSeconds(1);
        seed.awaitIndexed(analyst, from, to);
    }

    @Test
    void salesPerDayAndCategoryAreTheSumsOfTheLinesNotCancelled() {
        Map<?, ?> report = get("/v1/analytics/sales?from={from}&to={to}&interval=day&groupBy=category", analyst);

        Map<List<Object>, long[]> expected = new LinkedHashMap<>();
        Map<List<Object>, Set<String>> orders = new HashMap<>();
        for (Line line : seed.sales()) {
            List<Object> key = List.of(AnalyticsSeed.day(line.placedAt()).toString(), line.category(), line.currency());
            long[] sums = expected.computeIfAbsent(key, unused -> new long[2]);
            sums[0] += line.quantity();
            sums[1] += line.lineTotalMinor();
            orders.computeIfAbsent(key, unused -> new HashSet<>()).add(line.orderId());
        }
        Map<List<Object>, List<Long>> answered = new HashMap<>();
        for (Object item : (List<?>) report.get("buckets")) {
            Map<?, ?> bucket = (Map<?, ?>) item;
            answered.put(List.of(Instant.parse((String) bucket.get("start")).toString(), bucket.get("group"),
                    bucket.get("currency")), List.of(number(bucket, "orders"), number(bucket, "units"),
                    number(bucket, "revenueMinor"), number(bucket, "averageOrderValueMinor")));
        }
        Map<List<Object>, List<Long>> wanted = new HashMap<>();
        expected.forEach((key, sums) -> {
            long count = orders.get(key).size();
            wanted.put(key, List.of(count, sums[0], sums[1], AnalyticsSeed.average(sums[1], count)));
        });
        assertThat(answered).isEqualTo(wanted);
        assertThat(wanted).as("the test data spans two categories").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void salesWithoutGroupsCountEachOrderOnceAcrossItsLines() {
        Map<?, ?> report = get("/v1/analytics/sales?from={from}&to={to}&interval=month", analyst);

        List<Line> sales = seed.sales();
        long revenue = sales.stream().mapToLong(Line::lineTotalMinor).sum();
        long orders = sales.stream().map(Line::orderId).distinct().count();
        long units = sales.stream().mapToLong(Line::quantity).sum();
        List<?> buckets = (List<?>) report.get("buckets");
        long answeredOrders = buckets.stream().mapToLong(b -> number((Map<?, ?>) b, "orders")).sum();
        long answeredRevenue = buckets.stream().mapToLong(b -> number((Map<?, ?>) b, "revenueMinor")).sum();
        long answeredUnits = buckets.stream().mapToLong(b -> number((Map<?, ?>) b, "units")).sum();
        assertThat(List.of(answeredOrders, answeredUnits, answeredRevenue)).isEqualTo(List.of(orders, units, revenue));
        if (buckets.size() == 1) {
            assertThat(number((Map<?, ?>) buckets.getFirst(), "averageOrderValueMinor"))
                    .isEqualTo(AnalyticsSeed.average(revenue, orders));
        }
    }

    @Test
    void topProductsRankByUnitsAndByRevenue() {
        for (String by : List.of("units", "revenue")) {
            Map<?, ?> ranking = get("/v1/analytics/products/top?from={from}&to={to}&by=" + by + "&limit=100", analyst);

            Map<String, long[]> sums = new HashMap<>();
            for (Line line : seed.sales()) {
                long[] sum = sums.computeIfAbsent(line.productId(), unused -> new long[2]);
                sum[0] += line.quantity();
                sum[1] += line.lineTotalMinor();
            }
            int metric = by.equals("units") ? 0 : 1;
            List<List<Object>> wanted = sums.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[metric])
                            .thenComparing(Map.Entry::getKey))
                    .map(e -> List.<Object>of(e.getKey(), e.getValue()[0], e.getValue()[1], categories.get(e.getKey())))
                    .toList();
            List<List<Object>> answered = ((List<?>) ranking.get("products")).stream().map(p -> (Map<?, ?>) p)
                    .map(p -> List.<Object>of(p.get("productId"), number(p, "units"), number(p, "revenueMinor"),
                            p.get("category")))
                    .toList();
            assertThat(answered).as(by).isEqualTo(wanted);
            assertThat(((Map<?, ?>) ((List<?>) ranking.get("products")).getFirst()).get("rank")).isEqualTo(1);
        }
    }

    @Test
    void customersAreNewUnlessTheyOrderedBeforeThePeriod() {
        Map<?, ?> customers = get("/v1/analytics/customers?from={from}&to={to}", analyst);

        Set<String> buyers = seed.sales().stream().map(Line::customer).collect(Collectors.toSet());
        long returning = 1;
        assertThat(List.of(number(customers, "customers"), number(customers, "newCustomers"),
                number(customers, "returningCustomers"), number(customers, "ordersOfErasedPersons")))
                .isEqualTo(List.of((long) buyers.size(), buyers.size() - returning, returning, 0L));
    }

    @Test
    void statusCountsCountEachOrderOnceInItsCurrentStatus() {
        Map<?, ?> statuses = get("/v1/analytics/statuses?from={from}&to={to}", analyst);

        Map<String, Long> wanted = new HashMap<>(Map.of("PLACED", 0L, "PAID", 0L, "IN_FULFILMENT", 0L, "DELIVERED", 0L,
                "CANCELLED", 0L));
        seed.statuses.values().forEach(status -> wanted.merge(status, 1L, Long::sum));
        Map<String, Long> answered = new HashMap<>();
        ((Map<?, ?>) statuses.get("orders")).forEach((status, count) -> answered.put((String) status,
                ((Number) count).longValue()));
        assertThat(answered).isEqualTo(wanted);
    }

    @Test
    void orderLinesPageThroughEveryLineWithItsStatusAndFilterByWords() {
        List<Map<?, ?>> all = seed.listed(analyst, from, to, null, 2);
        List<Map<?, ?>> lamps = seed.listed(analyst, from, to, categories.get(lampA), 100);

        assertThat(all.stream().map(item -> item.get("orderId") + ":" + item.get("lineNumber") + ":" + item.get("status")))
                .containsExactlyInAnyOrderElementsOf(seed.lines.stream()
                        .map(line -> line.orderId() + ":" + line.lineNumber() + ":" + seed.statuses.get(line.orderId()))
                        .toList());
        assertThat(all.stream().map(item -> Instant.parse((String) item.get("placedAt"))).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(lamps.stream().map(item -> (String) item.get("productId")).toList())
                .containsExactlyInAnyOrderElementsOf(seed.lines.stream()
                        .filter(line -> line.category().equals(categories.get(lampA))).map(Line::productId).toList());
        assertThat(all).filteredOn(item -> "PAID".equals(item.get("status"))).allMatch(item -> item.get("paidAt") != null);
        assertThat(all).filteredOn(item -> "CANCELLED".equals(item.get("status")))
                .allMatch(item -> item.get("cancelledAt") != null);
    }

    @Test
    void theExportIsEveryLineAsCsv() {
        String csv = web.get().uri("/v1/analytics/export?from={from}&to={to}", from, to)
                .headers(h -> h.setBearerAuth(analyst)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches("Content-Disposition", "attachment;.*")
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> rows = List.of(csv.split("\r\n"));
        List<String> header = List.of(rows.getFirst().split(","));
        List<String> exported = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            List<String> cells = List.of(row.split(",", -1));
            exported.add(cells.get(header.indexOf("orderId")) + ":" + cells.get(header.indexOf("lineNumber")) + ":"
                    + cells.get(header.indexOf("quantity")) + ":" + cells.get(header.indexOf("lineTotalMinor")));
        }
        assertThat(exported).containsExactlyInAnyOrderElementsOf(seed.lines.stream()
                .map(line -> line.orderId() + ":" + line.lineNumber() + ":" + line.quantity() + ":" + line.lineTotalMinor())
                .toList());
    }

    @Test
    void customersAreRefusedAndBadPeriodsNamed() {
        for (String path : List.of("/v1/analytics/sales?from={from}&to={to}", "/v1/analytics/products/top?from={from}&to={to}",
                "/v1/analytics/customers?from={from}&to={to}", "/v1/analytics/orders?from={from}&to={to}",
                "/v1/analytics/statuses?from={from}&to={to}",
                "/v1/analytics/export?from={from}&to={to}")) {
            web.get().uri(path, from, to).headers(h -> h.setBearerAuth(tokens.customer())).exchange()
                    .expectStatus().isForbidden();
        }
        web.get().uri("/v1/analytics/sales?from={from}&to={to}", to, from).headers(h -> h.setBearerAuth(tokens.staff()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("to");
        web.get().uri("/v1/analytics/sales?from={from}&to={to}&interval=year", from, to)
                .headers(h -> h.setBearerAuth(analyst)).exchange()
                .expectStatus().isBadRequest();
    }

    private Map<?, ?> get(String path, String token) {
        return web.get().uri(path, from, to).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private String product(String name, long priceMinor, String category) {
        String id = shop.product(name, priceMinor, category, null);
        categories.put(id, category);
        return id;
    }

    private static Map<String, Integer> ordered(String first, int firstQuantity, String second, int secondQuantity) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put(first, firstQuantity);
        lines.put(second, secondQuantity);
        return lines;
    }

    private static long number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}
