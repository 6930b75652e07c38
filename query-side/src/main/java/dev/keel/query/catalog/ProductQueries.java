package dev.keel.query.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.keel.api.catalog.CatalogFacets;
import dev.keel.api.catalog.CatalogPage;
import dev.keel.api.catalog.CategoryCount;
import dev.keel.api.catalog.FindProduct;
import dev.keel.api.catalog.PriceBandCount;
import dev.keel.api.catalog.ProductSearchIndex;
import dev.keel.api.catalog.ProductSuggestion;
import dev.keel.api.catalog.ProductSuggestions;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.catalog.SearchCatalog;
import dev.keel.api.catalog.SuggestProducts;
import dev.keel.query.paging.Cursors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Component
class ProductQueries {

    private static final int CATEGORY_FACETS = 50;

    private final ProductReadModel products;
    private final ElasticsearchClient search;

    ProductQueries(ProductReadModel products, ElasticsearchClient search) {
        this.products = products;
        this.search = search;
    }

    /** @return the product, or {@code null} when the read model has none with that id */
    @QueryHandler
    ProductView handle(FindProduct query) {
        return products.find(query.productId()).orElse(null);
    }

    @QueryHandler
    CatalogPage handle(SearchCatalog query) {
        CatalogSearch catalog = new CatalogSearch(query);
        var after = catalog.after();
        try {
            SearchResponse<IndexedProduct> response = search.search(request -> {
                request.index(ProductSearchIndex.ALIAS)
                        .query(catalog.query())
                        .sort(catalog.sortOptions())
                        .size(query.size() + 1)
                        .trackTotalHits(total -> total.enabled(true))
                        .aggregations("categories", agg -> agg.terms(terms -> terms.field("category").size(CATEGORY_FACETS)))
                        .aggregations("priceBands", agg -> agg.range(range -> range.field("price.amountMinor")
                                .ranges(priceBands())));
                if (catalog.filters() != null) {
                    request.postFilter(catalog.filters());
                }
                if (!after.isEmpty()) {
                    request.searchAfter(after);
                }
                return request;
            }, IndexedProduct.class);
            List<Hit<IndexedProduct>> hits = response.hits().hits();
            List<Hit<IndexedProduct>> page = hits.subList(0, Math.min(hits.size(), query.size()));
            String next = hits.size() > query.size()
                    ? Cursors.encode(catalog.scope(), page.getLast().sort().stream().map(CatalogSearch::cursorValue).toList())
                    : null;
            long total = response.hits().total() == null ? page.size() : response.hits().total().value();
            return new CatalogPage(page.stream().map(Hit::source).map(IndexedProduct::toView).toList(), total,
                    facets(response.aggregations()), next);
        } catch (IOException e) {
            throw new UncheckedIOException("Product search is unavailable", e);
        }
    }

    @QueryHandler
    ProductSuggestions handle(SuggestProducts query) {
        try {
            var response = search.search(request -> request
                    .index(ProductSearchIndex.ALIAS)
                    .size(0)
                    .source(source -> source.filter(filter -> filter.includes("productId", "name")))
                    .suggest(suggest -> suggest.suggesters("products", suggester -> suggester
                            .prefix(query.prefix())
                            .completion(completion -> completion.field("suggest").size(query.size() * 2)))),
                    SuggestedProduct.class);
            Map<String, ProductSuggestion> byProduct = new LinkedHashMap<>();
            response.suggest().getOrDefault("products", List.of()).forEach(suggestion ->
                    suggestion.completion().options().forEach(option -> {
                        SuggestedProduct product = option.source();
                        if (product != null && byProduct.size() < query.size()) {
                            byProduct.putIfAbsent(product.productId().toString(),
                                    new ProductSuggestion(product.name(), product.productId()));
                        }
                    }));
            return new ProductSuggestions(List.copyOf(byProduct.values()));
        } catch (ElasticsearchException e) {
            if (e.status() == 400) {
                // An index version from before autocomplete, still searched while its successor is built.
                return new ProductSuggestions(List.of());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Product suggestions are unavailable", e);
        }
    }

    private static List<AggregationRange> priceBands() {
        List<Long> limits = CatalogSearch.PRICE_BAND_LIMITS;
        List<AggregationRange> ranges = new ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            long from = limits.get(i);
            Long to = i + 1 < limits.size() ? limits.get(i + 1) : null;
            ranges.add(AggregationRange.of(range -> to == null ? range.from((double) from) : range.from((double) from).to((double) to)));
        }
        return ranges;
    }

    private static CatalogFacets facets(Map<String, Aggregate> aggregations) {
        List<CategoryCount> categories = aggregations.get("categories").sterms().buckets().array().stream()
                .map(bucket -> new CategoryCount(bucket.key().stringValue(), bucket.docCount()))
                .toList();
        List<PriceBandCount> bands = aggregations.get("priceBands").range().buckets().array().stream()
                .map(bucket -> new PriceBandCount(bucket.from() == null ? 0 : bucket.from().longValue(),
                        bucket.to() == null ? null : bucket.to().longValue(), bucket.docCount()))
                .toList();
        return new CatalogFacets(categories, bands);
    }
}
