package dev.keel.command.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxRatesTest {

    @Test
    void ratesAreKeptInBasisPointsPerCountry() {
        TaxRates rates = TaxRates.parse("DE:19, fr:20,CH:8.1,GB:0");
        assertThat(rates.basisPointsFor("DE")).contains(1_900);
        assertThat(rates.basisPointsFor("FR")).contains(2_000);
        assertThat(rates.basisPointsFor("CH")).contains(810);
        assertThat(rates.basisPointsFor("GB")).contains(0);
        assertThat(rates.basisPointsFor("US")).isEmpty();
    }

    @Test
    void aMalformedSettingIsRefusedNamingThePair() {
        assertThatThrownBy(() -> TaxRates.parse("DE:19,France:20")).hasMessage(
                "KEEL_TAX_RATES: 'France:20': expected a two-letter country code, a colon and a rate");
        assertThatThrownBy(() -> TaxRates.parse("DE:19.555")).hasMessageContaining("at most two decimals");
        assertThatThrownBy(() -> TaxRates.parse("DE:101")).hasMessageContaining("0-100 percent");
        assertThatThrownBy(() -> TaxRates.parse("DE:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> TaxRates.parse("DE:19,de:7")).hasMessageContaining("DE is listed twice");
    }

    @Test
    void theDefaultListParses() {
        assertThat(TaxRates.parse(CommerceProperties.DEFAULT_TAX_RATES).basisPointsFor("DE")).contains(1_900);
    }
}
