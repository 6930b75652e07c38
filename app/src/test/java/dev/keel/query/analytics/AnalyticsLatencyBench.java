package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.keel.api.order.OrderStatus;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query latency of each analytics endpoint on {@code bench.analytics.lines} order lines (default
 * 1,000,000: 250,000 orders of 1-7 lines, 50,000 customers, 2,000 products in 40 categories, 10
 * countries, EUR and USD, over 2026), bulk-loaded straight into a scratch index with the real
 * mapping, and the baseline in the same run: a {@code match_all} count on the same index. Each
 * endpoint's query runs through the same component the endpoint calls, {@value #RUNS} times after one
 * warm-up. Writes {@code target/bench/analytics-latency.md}. Run by {@code bench/analytics}, not by the suite.
 */
class AnalyticsLatencyBench extends KeelIntegrationTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int RUNS = 15;
    private static final int BULK = 5_000;
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "AT", "BE", "ES", "IT", "IE", "PT", "LU"};

    @Autowired
    ElasticsearchClient client;

    @Test
    void queriesAtVolume() throws Exception {
        int lines = Integer.getInteger("bench.analytics.lines", 1_000_000);
        String index = "analytics-bench-" + UUID.randomUUID();
        try (InputStream json = new ClassPathResource("elasticsearch/order-analytics-v1.json").getInputStream()) {
            client.indices().create(create -> create.index(index).withJson(json));
        }
        try {
            long loading = System.nanoTime();
            int loaded = load(index, lines);
            double loadSeconds = (System.nanoTime() - loading) / 1e9;
            assertThat(client.count(count -> count.index(index)).count()).isEqualTo(loaded);

            Period month = new Period(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"));
            Period year = new Period(START, Instant.parse("2027-01-01T00:00:00Z"));
            Period day = new Period(Instant.parse("2026-06-15T00:00:00Z"), Instant.parse("2026-06-16T00:00:00Z"));
            SalesReports sales = new SalesReports(client, index);
            TopProducts top = new TopProducts(client, index);
            CustomerCounts customers = new CustomerCounts(client, index);
            OrderLines orderLines = new OrderLines(client, index);
            StatusCounts statuses = new StatusCounts(client, index);

            Map<String, Callable<?>> queries = new LinkedHashMap<>();
            queries.put("baseline: match_all count", () -> client.count(count -> count.index(index)).count());
            queries.put("sales, a year by month", () -> sales.sales(year, "month", null));
            queries.put("sales, a month by day and category", () -> sales.sales(month, "day", "category"));
            queries.put("sales, a year by week and category", () -> sales.sales(year, "week", "category"));
            queries.put("sales, a year by week and product: refused (422 report-too-large)",
                    () -> refused(() -> sales.sales(year, "week", "product")));
            queries.put("products/top, a year by revenue", () -> top.top(year, "revenue", 10));
            queries.put("customers, a month (new vs returning)", () -> customers.count(month));
            queries.put("customers, a year", () -> customers.count(year));
            queries.put("statuses, a month", () -> statuses.count(month));
            queries.put("orders, first page of a month", () -> orderLines.page(month, null, null, null, 50));
            queries.put("orders, a month, q=category + status", () -> orderLines.page(month, OrderStatus.DELIVERED,
                    "category-7", null, 50));
            queries.put("export, a day (all its lines)", () -> orderLines.csv(day, null, null).count().block());

            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "%,d order lines in one index (bulk-loaded in %.0f s); %d runs each after one warm-up; "
                            + "ratio = median / baseline median%n%n| query | median ms | p95 ms | max ms | ratio |%n"
                            + "|---|---:|---:|---:|---:|%n", loaded, loadSeconds, RUNS));
            double baseline = -1;
            for (Map.Entry<String, Callable<?>> query : queries.entrySet()) {
                double[] timing;
                try {
                    timing = time(query.getValue());
                } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                    report.append("| ").append(query.getKey()).append(" | failed: ")
                            .append(e.response().error().rootCause().isEmpty() ? e.getMessage()
                                    : e.response().error().rootCause().getFirst().reason())
                            .append(" | | | |\n");
                    continue;
                }
                if (baseline < 0) {
                    baseline = timing[0];
                }
                report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", query.getKey(), timing[0],
                        timing[1], timing[2], timing[0] / baseline));
            }
            Path out = Path.of("..", "target", "bench", "analytics-latency.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        } finally {
            client.indices().delete(delete -> delete.index(index).ignoreUnavailable(true));
        }
    }

    private int load(String index, int lines) throws IOException {
        client.indices().putSettings(put -> put.index(index).settings(settings -> settings.refreshInterval(t -> t.time("-1"))));
        Random random = new Random(14);
        List<BulkOperation> batch = new ArrayList<>();
        int written = 0;
        long seconds = 365L * 86_400;
        for (int order = 0; written < lines; order++) {
            String orderId = new UUID(14, order).toString();
            int count = Math.min(1 + random.nextInt(7), lines - written);
            Instant placedAt = START.plusSeconds((long) (random.nextDouble() * seconds));
            String currency = random.nextInt(10) == 0 ? "USD" : "EUR";
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String customer = "customer-" + random.nextInt(50_000);
            OrderStatus status = OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
            for (int line = 0; line < count; line++) {
                int product = random.nextInt(2_000);
                long quantity = 1 + random.nextInt(4);
                long price = 199 + product * 37L;
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("orderId", orderId);
                document.put("lineNumber", line);
                document.put("lineCount", count);
                document.put("productId", new UUID(15, product).toString());
                document.put("sku", "SKU-" + product);
                document.put("productName", "Product " + product + " model " + (product % 97));
                document.put("category", "category-" + (product % 40));
                document.put("quantity", quantity);
                document.put("unitPriceMinor", price);
                document.put("lineTotalMinor", price * quantity);
                document.put("orderSubtotalMinor", price * quantity * count);
                document.put("orderDiscountMinor", 0L);
                document.put("orderTaxMinor", price * quantity * count / 5);
                document.put("orderTotalMinor", price * quantity * count * 6 / 5);
                document.put("currency", currency);
                document.put("country", country);
                document.put("status", status.name());
                document.put("customerKey", customer);
                document.put("placedAt", placedAt.toString());
                String id = orderId + ":" + line;
                batch.add(BulkOperation.of(op -> op.index(put -> put.index(index).id(id).document(document))));
                written++;
                if (batch.size() == BULK) {
                    send(batch);
                }
            }
        }
        send(batch);
        client.indices().putSettings(put -> put.index(index).settings(settings -> settings.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(refresh -> refresh.index(index));
        return written;
    }

    private void send(List<BulkOperation> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        BulkResponse response = client.bulk(bulk -> bulk.operations(batch));
        assertThat(response.errors()).as("bulk load").isFalse();
        batch.clear();
    }

    /** Runs a report that must be refused, and fails the run if it is answered. */
    private static Object refused(Callable<?> report) throws Exception {
        try {
            report.call();
        } catch (ErrorResponseException refused) {
            return refused.getBody().getType();
        }
        throw new AssertionError("answered, not refused");
    }

    /** @return median, p95 and max milliseconds */
    private static double[] time(Callable<?> query) throws Exception {
        query.call();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        return new double[]{millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1), millis.getLast()};
    }
}
