package dev.keel.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.keel.api.order.OrderStatus;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reports at sizes the storefront tests never reach, on a scratch index with the real mapping:
 * the sales report's bucket limit at its boundary, and the customer report over more customers than
 * one composite page, with earlier orders that do and do not make a customer returning.
 */
class ReportLimitsIntegrationTest extends KeelIntegrationTest {

    private static final Instant DAY_ONE = Instant.parse("1990-01-01T00:00:00Z");

    @Autowired
    ElasticsearchClient client;

    private final String index = "report-limits-" + UUID.randomUUID();

    @BeforeEach
    void scratchIndex() throws IOException {
        try (InputStream json = new ClassPathResource("elasticsearch/order-analytics-v1.json").getInputStream()) {
            client.indices().create(create -> create.index(index).withJson(json));
        }
    }

    @AfterEach
    void dropIndex() throws IOException {
        client.indices().delete(delete -> delete.index(index).ignoreUnavailable(true));
    }

    @Test
    void aSalesReportOfMoreThanTheLimitIsRefusedAndOneAtTheLimitAnswered() throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int day = 0; day <= SalesReports.MAX_BUCKETS; day++) {
            lines.add(line("customer-" + day, DAY_ONE.plus(day, ChronoUnit.DAYS), OrderStatus.PAID));
        }
        load(lines);
        SalesReports sales = new SalesReports(client, index);
        Instant lastDay = DAY_ONE.plus(SalesReports.MAX_BUCKETS, ChronoUnit.DAYS);

        assertThat(sales.sales(new Period(DAY_ONE, lastDay), "day", null).buckets()).hasSize(SalesReports.MAX_BUCKETS);
        assertThatThrownBy(() -> sales.sales(new Period(DAY_ONE, lastDay.plus(1, ChronoUnit.DAYS)), "day", null))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                    assertThat(refused.getBody().getType()).hasToString("/problems/report-too-large");
                });
    }

    @Test
    void customersArePagedAndOnlyAnEarlierSaleMakesOneReturning() throws IOException {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-01T00:00:00Z");
        List<Map<String, Object>> lines = new ArrayList<>();
        int customers = 2_500;
        long returning = 0;
        for (int i = 0; i < customers; i++) {
            String customer = "customer-" + i;
            lines.add(line(customer, from.plus(i % 30, ChronoUnit.DAYS), OrderStatus.PAID));
            if (i % 3 == 0) {
                lines.add(line(customer, from.minus(1 + i % 90, ChronoUnit.DAYS), OrderStatus.DELIVERED));
                returning++;
            } else if (i % 3 == 1) {
                lines.add(line(customer, from.minus(1, ChronoUnit.DAYS), OrderStatus.CANCELLED));
            }
        }
        lines.add(line("only-cancelled-in-the-period", from, OrderStatus.CANCELLED));
        lines.add(line("only-after-the-period", to, OrderStatus.PAID));
        load(lines);

        CustomerCounts.Customers counted = new CustomerCounts(client, index).count(new Period(from, to));

        assertThat(List.of(counted.customers(), counted.newCustomers(), counted.returningCustomers()))
                .isEqualTo(List.of((long) customers, customers - returning, returning));
    }

    private static Map<String, Object> line(String customer, Instant placedAt, OrderStatus status) {
        return Map.ofEntries(Map.entry("orderId", UUID.randomUUID().toString()), Map.entry("lineNumber", 0),
                Map.entry("lineCount", 1), Map.entry("productId", UUID.randomUUID().toString()),
                Map.entry("category", "limits"), Map.entry("quantity", 1), Map.entry("unitPriceMinor", 500),
                Map.entry("lineTotalMinor", 500), Map.entry("currency", "EUR"), Map.entry("country", "DE"),
                Map.entry("status", status.name()), Map.entry("customerKey", customer),
                Map.entry("placedAt", placedAt.toString()));
    }

    private void load(List<Map<String, Object>> lines) throws IOException {
        for (int start = 0; start < lines.size(); start += 5_000) {
            List<BulkOperation> batch = lines.subList(start, Math.min(lines.size(), start + 5_000)).stream()
                    .map(document -> BulkOperation.of(op -> op.index(put -> put.index(index).document(document))))
                    .toList();
            assertThat(client.bulk(bulk -> bulk.operations(batch)).errors()).as("bulk load").isFalse();
        }
        client.indices().refresh(refresh -> refresh.index(index));
    }
}
