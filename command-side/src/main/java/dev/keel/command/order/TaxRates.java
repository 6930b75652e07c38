package dev.keel.command.order;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tax rate per shipping country, from {@code KEEL_TAX_RATES}: {@code CC:rate} pairs separated by
 * commas ({@code DE:19,FR:20,CH:8.1}), a rate in percent with at most two decimals. Kept in basis
 * points so that tax is integer arithmetic on minor units.
 */
final class TaxRates {

    private final Map<String, Integer> basisPoints;

    private TaxRates(Map<String, Integer> basisPoints) {
        this.basisPoints = Map.copyOf(basisPoints);
    }

    /** @throws IllegalArgumentException naming the pair that is not {@code CC:rate} */
    static TaxRates parse(String setting) {
        Map<String, Integer> rates = new HashMap<>();
        for (String pair : setting.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split(":");
            if (parts.length != 2 || !parts[0].trim().matches("[A-Za-z]{2}")) {
                throw invalid(pair, "expected a two-letter country code, a colon and a rate");
            }
            BigDecimal percent;
            try {
                percent = new BigDecimal(parts[1].trim());
            } catch (NumberFormatException e) {
                throw invalid(pair, "the rate is not a number");
            }
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 2) {
                throw invalid(pair, "the rate must be 0-100 percent with at most two decimals");
            }
            String country = parts[0].trim().toUpperCase(Locale.ROOT);
            if (rates.put(country, percent.movePointRight(2).intValueExact()) != null) {
                throw invalid(pair, country + " is listed twice");
            }
        }
        return new TaxRates(rates);
    }

    /** @return the rate in basis points (1900 = 19%), or empty when none is configured */
    Optional<Integer> basisPointsFor(String country) {
        return Optional.ofNullable(basisPoints.get(country));
    }

    private static IllegalArgumentException invalid(String pair, String why) {
        return new IllegalArgumentException("KEEL_TAX_RATES: '" + pair.trim() + "': " + why);
    }
}
