package dev.keel.api;

import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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
        var event = new ProductCreated(ProductId.random(), "SKU-1", "Mug", "", Money.of(100, "EUR"));
        assertThat(json.readValue(json.writeValueAsString(event), ProductCreated.class)).isEqualTo(event);
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }
}
