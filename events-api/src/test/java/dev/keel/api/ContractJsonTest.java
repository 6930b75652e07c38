package dev.keel.api;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.order.OrderView;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON shape of the contract is what other teams and the event store depend on. */
class ContractJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void moneyIsMinorUnitsAndACurrencyCode() {
        assertThat(json.writeValueAsString(Money.of(1999, "EUR"))).isEqualTo("{\"amountMinor\":1999,\"currency\":\"EUR\"}");
        assertThat(json.readValue("{\"amountMinor\":5,\"currency\":\"JPY\"}", Money.class)).isEqualTo(Money.of(5, "JPY"));
    }

    @Test
    void idsAreBareStrings() {
        ProductId id = ProductId.random();
        assertThat(json.writeValueAsString(id)).isEqualTo("\"" + id + "\"");
        assertThat(json.readValue("\"" + id + "\"", ProductId.class)).isEqualTo(id);
    }

    @Test
    void eventsSurviveARoundTrip() {
        ProductId id = ProductId.random();
        var event = new ProductCreated(id, "SKU-1", "Mug", "", Money.of(100, "EUR"), "kitchen",
                List.of("https://img.example/mug.jpg"), new StockLevel(id, 5L, 5L, 0));
        assertThat(json.readValue(json.writeValueAsString(event), ProductCreated.class)).isEqualTo(event);
    }

    @Test
    void anOrderReadsAsTheIssueContractNamesIt() {
        ProductId product = ProductId.random();
        Money price = Money.of(250, "EUR");
        var order = new OrderView(OrderId.random(), AccountId.random(), OrderStatus.PLACED, 0,
                List.of(new OrderLine(product, "SKU-1", "Mug", 2, price, Money.of(500, "EUR"))),
                new OrderTotals(Money.of(500, "EUR"), Money.of(50, "EUR"), Money.of(86, "EUR"), Money.of(536, "EUR")),
                "SPRING10", Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"));

        JsonNode tree = json.readTree(json.writeValueAsString(order));

        assertThat(tree.propertyNames()).contains("orderId", "status", "version", "lines", "totals",
                "promotionCode", "placedAt");
        assertThat(tree.get("status").asString()).isEqualTo("PLACED");
        assertThat(tree.get("lines").get(0).propertyNames())
                .containsExactlyInAnyOrder("productId", "sku", "name", "quantity", "unitPrice", "lineTotal");
        assertThat(tree.get("totals").propertyNames())
                .containsExactlyInAnyOrder("subtotal", "discount", "tax", "total");
        assertThat(tree.get("totals").get("total").get("amountMinor").asLong()).isEqualTo(536);
        assertThat(json.readValue(json.writeValueAsString(order), OrderView.class)).isEqualTo(order);
    }

    @Test
    void unlimitedStockIsNullStockAndNullAvailable() {
        ProductId id = ProductId.random();
        assertThat(json.writeValueAsString(StockLevel.unlimited(id, 3)))
                .isEqualTo("{\"productId\":\"" + id + "\",\"stock\":null,\"available\":null,\"sequence\":3}");
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }
}
