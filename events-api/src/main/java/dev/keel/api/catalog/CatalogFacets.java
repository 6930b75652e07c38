package dev.keel.api.catalog;

import java.util.List;

/**
 * How many matching products fall in each category and each price band.
 *
 * @param categories the categories, most products first
 * @param priceBands the price bands, cheapest first
 */
public record CatalogFacets(List<CategoryCount> categories, List<PriceBandCount> priceBands) {

    public CatalogFacets {
        categories = List.copyOf(categories);
        priceBands = List.copyOf(priceBands);
    }
}
