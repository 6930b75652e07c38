package dev.keel.command.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param taxRates {@code CC:rate} pairs ({@link TaxRates}); a country not listed is not shipped to */
@ConfigurationProperties("keel.commerce")
record CommerceProperties(@DefaultValue(CommerceProperties.DEFAULT_TAX_RATES) String taxRates) {

    /** Standard rates of a few euro countries, as a start: set your own. */
    static final String DEFAULT_TAX_RATES = "AT:20,BE:21,DE:19,ES:21,FR:20,IE:23,IT:22,LU:17,NL:21,PT:23";
}
