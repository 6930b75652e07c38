package dev.keel.query.catalog;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.keel.api.catalog.ProductSort;
import dev.keel.api.catalog.SearchCatalog;
import dev.keel.query.paging.Cursors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SearchCatalog} asks of the index: the words (scored), the filters (applied after the
 * facets are counted, so the facets show what refining would find), the sort with the product id as
 * the last key (every product has one place, so {@code search_after} never skips or repeats one) and
 * where the previous page ended.
 */
record CatalogSearch(SearchCatalog request) {

    /** Price bands in minor units, cheapest first; the last one is open-ended. */
    static final List<Long> PRICE_BAND_LIMITS = List.of(0L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L);

    ProductSort sort() {
        return request.sort() == null ? ProductSort.RELEVANCE : request.sort();
    }

    boolean hasWords() {
        return request.text() != null && !request.text().isBlank();
    }

    /** Binds a cursor to these words, filters and sort. */
    String scope() {
        return String.join("|", "catalog", hasWords() ? request.text().trim() : "", Objects.toString(request.category(), ""),
                Objects.toString(request.minPrice(), ""), Objects.toString(request.maxPrice(), ""),
                Boolean.toString(Boolean.TRUE.equals(request.inStock())), sort().name());
    }

    /** @throws org.springframework.web.ErrorResponseException 400 {@code invalid-cursor} */
    List<FieldValue> after() {
        if (request.cursor() == null) {
            return List.of();
        }
        return Cursors.decode(request.cursor(), scope(), 2).stream().map(CatalogSearch::fieldValue).toList();
    }

    Query query() {
        Query words = hasWords()
                ? Query.of(q -> q.bool(bool -> bool
                        .should(s -> s.multiMatch(match -> match.query(request.text()).fields("name^3", "description")))
                        .should(s -> s.term(term -> term.field("sku").value(request.text().trim()).boost(5f)))
                        .minimumShouldMatch("1")))
                : Query.of(q -> q.matchAll(all -> all));
        // A document without a SKU holds a stock level whose product is not created yet.
        return Query.of(q -> q.bool(bool -> bool
                .must(words)
                .filter(f -> f.exists(exists -> exists.field("sku")))
                .mustNot(not -> not.term(term -> term.field("archived").value(true)))));
    }

    /** @return the filters, or {@code null} when there are none */
    Query filters() {
        List<Query> filters = new ArrayList<>();
        if (request.category() != null) {
            filters.add(Query.of(q -> q.term(term -> term.field("category").value(request.category()))));
        }
        if (request.minPrice() != null || request.maxPrice() != null) {
            filters.add(Query.of(q -> q.range(range -> range.number(number -> {
                number.field("price.amountMinor");
                if (request.minPrice() != null) {
                    number.gte(request.minPrice().doubleValue());
                }
                if (request.maxPrice() != null) {
                    number.lte(request.maxPrice().doubleValue());
                }
                return number;
            }))));
        }
        if (Boolean.TRUE.equals(request.inStock())) {
            filters.add(Query.of(q -> q.term(term -> term.field("inStock").value(true))));
        }
        return filters.isEmpty() ? null : Query.of(q -> q.bool(bool -> bool.filter(filters)));
    }

    List<SortOptions> sortOptions() {
        SortOptions first = switch (sort()) {
            case RELEVANCE -> hasWords()
                    ? SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc)))
                    : field("name.sort", SortOrder.Asc);
            case PRICE_ASC -> field("price.amountMinor", SortOrder.Asc);
            case PRICE_DESC -> field("price.amountMinor", SortOrder.Desc);
            case NEWEST -> field("createdAt", SortOrder.Desc);
        };
        return List.of(first, field("productId", SortOrder.Asc));
    }

    static Object cursorValue(FieldValue value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isLong()) {
            return value.longValue();
        }
        if (value.isDouble()) {
            return value.doubleValue();
        }
        throw new IllegalStateException("Unexpected sort value " + value);
    }

    private static FieldValue fieldValue(Object value) {
        return switch (value) {
            case String text -> FieldValue.of(text);
            case Long number -> FieldValue.of(number);
            case Double number -> FieldValue.of(number);
            default -> throw new IllegalStateException("Unexpected cursor value " + value);
        };
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(field -> field.field(name).order(order)));
    }
}
