package dev.keel.api.catalog;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many products match in all
 */
public record ProductPage(List<ProductView> items, int page, int size, long total) {

    public ProductPage {
        items = List.copyOf(items);
    }
}
