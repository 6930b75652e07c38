package dev.keel.query.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.keel.api.catalog.FindProduct;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductPage;
import dev.keel.api.catalog.ProductSearchIndex;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.catalog.SearchProducts;
import dev.keel.api.money.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

@Component
class ProductQueries {

    private final JdbcClient jdbc;
    private final ElasticsearchClient search;

    ProductQueries(JdbcClient jdbc, ElasticsearchClient search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** @return the product, or {@code null} when the read model has none with that id */
    @QueryHandler
    ProductView handle(FindProduct query) {
        return jdbc.sql("""
                        SELECT product_id, sku, name, description, price_minor, currency, version, created_at, updated_at
                        FROM product WHERE product_id = ?""")
                .param(query.productId().value())
                .query(ProductQueries::view)
                .optional()
                .orElse(null);
    }

    @QueryHandler
    ProductPage handle(SearchProducts query) {
        try {
            SearchResponse<IndexedProduct> response = search.search(request -> request
                    .index(ProductSearchIndex.ALIAS)
                    .query(matching(query.text()))
                    .sort(sort -> sort.score(score -> score.order(SortOrder.Desc)))
                    .sort(sort -> sort.field(field -> field.field("name.sort").order(SortOrder.Asc)))
                    .sort(sort -> sort.field(field -> field.field("productId").order(SortOrder.Asc)))
                    .from(query.page() * query.size())
                    .size(query.size())
                    .trackTotalHits(total -> total.enabled(true)), IndexedProduct.class);
            var items = response.hits().hits().stream().map(Hit::source).map(IndexedProduct::toView).toList();
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new ProductPage(items, query.page(), query.size(), total);
        } catch (IOException e) {
            throw new UncheckedIOException("Product search is unavailable", e);
        }
    }

    private static Query matching(String text) {
        if (text == null || text.isBlank()) {
            return Query.of(all -> all.matchAll(none -> none));
        }
        return Query.of(q -> q.bool(bool -> bool
                .should(s -> s.multiMatch(match -> match.query(text).fields("name^3", "description")))
                .should(s -> s.term(term -> term.field("sku").value(text.trim()).boost(5f)))
                .minimumShouldMatch("1")));
    }

    private static ProductView view(ResultSet row, int n) throws SQLException {
        return new ProductView(
                new ProductId(row.getObject("product_id", java.util.UUID.class)),
                row.getString("sku"),
                row.getString("name"),
                row.getString("description"),
                Money.of(row.getLong("price_minor"), row.getString("currency")),
                null, List.of(), null, null, false,
                row.getLong("version"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
