package dev.keel.projection.catalog;

import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A product's document in {@code products-v2}. Two things move it forward, each guarded by its own
 * counter: the product's facts by the product's {@code version}, its stock by {@code stockSequence}
 * (orders change stock too, and their events may come before or after the product's). Every change
 * keeps what is newer, so changes can be applied again, or to a newer document, without harm. A
 * document whose product is not created yet ({@code version} -1) holds a stock level only; search
 * leaves it out (it has no SKU).
 *
 * @param inStock unlimited stock, or some available
 * @param suggest the autocomplete inputs: the name from each of its words on; none once archived
 */
record ProductDocument(String productId,
                       String sku,
                       String name,
                       String description,
                       Money price,
                       String category,
                       List<String> imageUrls,
                       Long stock,
                       Long available,
                       long stockSequence,
                       boolean inStock,
                       boolean archived,
                       long version,
                       Instant createdAt,
                       Instant updatedAt,
                       List<String> suggest) {

    private static final int SUGGESTED_WORDS = 8;

    static ProductDocument absent(String productId) {
        return new ProductDocument(productId, null, null, null, null, null, List.of(), null, null, -1, false, false,
                -1, null, null, List.of());
    }

    ProductDocument created(ProductCreated event, long newVersion, Instant at) {
        if (newVersion <= version) {
            return this;
        }
        return new ProductDocument(productId, event.sku(), event.name(), event.description(), event.price(),
                event.category(), event.imageUrls(), stock, available, stockSequence, inStock, false, newVersion, at, at,
                suggestions(event.name())).withLevel(event.stockLevel());
    }

    ProductDocument repriced(Money newPrice, long newVersion, Instant at) {
        return newVersion <= version ? this : new ProductDocument(productId, sku, name, description, newPrice, category,
                imageUrls, stock, available, stockSequence, inStock, archived, newVersion, createdAt, at, suggest);
    }

    ProductDocument recategorized(String newCategory, long newVersion, Instant at) {
        return newVersion <= version ? this : new ProductDocument(productId, sku, name, description, price, newCategory,
                imageUrls, stock, available, stockSequence, inStock, archived, newVersion, createdAt, at, suggest);
    }

    ProductDocument pictured(List<String> newImageUrls, long newVersion, Instant at) {
        return newVersion <= version ? this : new ProductDocument(productId, sku, name, description, price, category,
                newImageUrls, stock, available, stockSequence, inStock, archived, newVersion, createdAt, at, suggest);
    }

    ProductDocument archivedAt(long newVersion, Instant at) {
        return newVersion <= version ? this : new ProductDocument(productId, sku, name, description, price, category,
                imageUrls, stock, available, stockSequence, inStock, true, newVersion, createdAt, at, List.of());
    }

    /** A product event that changed nothing shown but the version (its stock comes with its level). */
    ProductDocument touched(long newVersion, Instant at) {
        return newVersion <= version ? this : new ProductDocument(productId, sku, name, description, price, category,
                imageUrls, stock, available, stockSequence, inStock, archived, newVersion, createdAt, at, suggest);
    }

    ProductDocument withLevel(StockLevel level) {
        if (level.sequence() <= stockSequence) {
            return this;
        }
        boolean any = level.stock() == null || level.available() > 0;
        return new ProductDocument(productId, sku, name, description, price, category, imageUrls, level.stock(),
                level.available(), level.sequence(), any, archived, version, createdAt, updatedAt, suggest);
    }

    static List<String> suggestions(String name) {
        List<String> words = Arrays.stream(name.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < Math.min(words.size(), SUGGESTED_WORDS); i++) {
            inputs.add(String.join(" ", words.subList(i, words.size())));
        }
        return inputs;
    }
}
