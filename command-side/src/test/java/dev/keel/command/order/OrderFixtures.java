package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;
import dev.keel.api.order.BasketLine;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.PlaceOrder;
import dev.keel.api.order.ShippingAddress;
import dev.keel.api.promotion.PromotionId;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.promotion.InMemoryPromotionBook;
import dev.keel.command.promotion.PromotionTerms;
import dev.keel.command.stock.InMemorySellableProducts;
import dev.keel.command.stock.SellableProduct;

import java.time.Instant;
import java.util.List;

/** A small shop for order tests: products in rows, promotions in a book, a checkout over both. */
class OrderFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final ShippingAddress TO_BERLIN = new ShippingAddress("Ada Lovelace", "Unter den Linden 1", null, "10117",
            "Berlin", "DE");

    final InMemorySellableProducts products = new InMemorySellableProducts();
    final InMemoryPromotionBook promotions = new InMemoryPromotionBook();
    final Checkout checkout = new Checkout(products, promotions,
            new CommerceProperties(CommerceProperties.DEFAULT_TAX_RATES));

    ProductId product(String sku, long priceMinor, Long stock) {
        return product(sku, Money.of(priceMinor, "EUR"), stock, 0);
    }

    ProductId product(String sku, Money price, Long stock, long reserved) {
        ProductId id = ProductId.random();
        products.put(new SellableProduct(id, sku, "Product " + sku, price, stock, reserved, false, 0));
        return id;
    }

    PromotionTerms promotion(String code, PromotionKind kind, long value, Integer perCustomer, Integer total) {
        var terms = new PromotionTerms(PromotionId.random(), code, kind, value, kind == PromotionKind.AMOUNT ? "EUR" : null,
                null, null, null, perCustomer, total, code == null);
        promotions.add(terms);
        return terms;
    }

    static PlaceOrder order(AccountId customer, String code, BasketLine... lines) {
        return new PlaceOrder(OrderId.random(), customer, List.of(lines), code, TO_BERLIN, NOW);
    }

    static BasketLine line(ProductId productId, int quantity) {
        return new BasketLine(productId, quantity);
    }
}
