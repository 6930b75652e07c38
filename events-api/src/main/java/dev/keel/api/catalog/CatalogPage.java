package dev.keel.api.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One page of a {@link SearchCatalog}.
 *
 * @param total      how many products match the filters in all
 * @param facets     counts over everything that matches the words, for refining the search
 * @param nextCursor pass it as the next query's cursor; {@code null} on the last page
 */
public record CatalogPage(List<ProductView> items, long total, CatalogFacets facets, @Nullable String nextCursor) {

    public CatalogPage {
        items = List.copyOf(items);
    }
}
