package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.api.order.BasketLine;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.PlaceOrder;
import dev.keel.command.promotion.PromotionBook;
import dev.keel.command.promotion.PromotionTerms;
import dev.keel.command.promotion.UseOutcome;
import dev.keel.command.stock.SellableProduct;
import dev.keel.command.stock.SellableProducts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Prices a basket from the catalog rows and applies at most one promotion. A placement locks the
 * rows, takes the promotion's use and reserves the stock in the command's transaction; a quote runs
 * the same code on the same rows and changes nothing.
 */
@Component
class Checkout {

    private final SellableProducts products;
    private final PromotionBook promotions;
    private final TaxRates taxes;

    Checkout(SellableProducts products, PromotionBook promotions, CommerceProperties properties) {
        this.products = products;
        this.promotions = promotions;
        this.taxes = TaxRates.parse(properties.taxRates());
    }

    /** @throws dev.keel.command.rejection.CommandRejected for any reason the order cannot be placed */
    OrderPlaced place(PlaceOrder command) {
        BasketPolicy.requireDistinct(command.lines());
        Map<ProductId, SellableProduct> rows = products.lock(productIds(command.lines()));
        PricedOrder priced = price(command.customerId(), command.lines(), command.promotionCode(),
                command.shippingAddress().country(), command.placedAt(), rows, promotions::take);
        List<StockLevel> levels = new ArrayList<>();
        command.lines().stream().sorted(Comparator.comparing(line -> line.productId().value())).forEach(line ->
                levels.add(products.reserve(line.productId(), line.quantity()).orElseThrow(() ->
                        OrderProblems.outOfStock(line.productId(), rows.get(line.productId()).available(),
                                line.quantity()))));
        PromotionTerms promotion = priced.promotion();
        return new OrderPlaced(command.orderId(), command.customerId(), priced.lines(), priced.totals(),
                promotion == null ? null : promotion.promotionId(), promotion == null ? null : promotion.code(),
                priced.taxCountry(), priced.taxRateBasisPoints(), command.shippingAddress(), levels,
                command.placedAt());
    }

    OrderQuote quote(QuoteOrder query) {
        BasketPolicy.requireDistinct(query.lines());
        Map<ProductId, SellableProduct> rows = products.find(productIds(query.lines()));
        return OrderQuote.of(price(query.customerId(), query.lines(), query.promotionCode(), query.country(),
                query.at(), rows, promotions::check));
    }

    private PricedOrder price(AccountId customer, List<BasketLine> lines, String code, String country, Instant at,
                              Map<ProductId, SellableProduct> rows,
                              BiFunction<PromotionTerms, AccountId, UseOutcome> use) {
        BasketPolicy.requireSellable(lines, rows);
        int rate = taxes.basisPointsFor(country).orElseThrow(() -> OrderProblems.unsupportedCountry(country));
        var orderLines = PricingPolicy.lines(lines, rows);
        Money subtotal = PricingPolicy.subtotal(orderLines);
        PromotionTerms promotion = code == null
                ? automatic(customer, at, subtotal, use)
                : byCode(code, customer, at, subtotal, use);
        var totals = PricingPolicy.totals(subtotal, PricingPolicy.discount(promotion, subtotal), rate);
        return new PricedOrder(orderLines, totals, promotion, country, rate);
    }

    private PromotionTerms byCode(String code, AccountId customer, Instant at, Money subtotal,
                                  BiFunction<PromotionTerms, AccountId, UseOutcome> use) {
        PromotionTerms terms = promotions.findByCode(code).orElseThrow(() -> OrderProblems.unknownCode(code));
        PromotionPolicy.refusal(terms, at, subtotal).ifPresent(refusal -> {
            throw refusal;
        });
        return switch (use.apply(terms, customer)) {
            case TAKEN -> terms;
            case USED_UP -> throw OrderProblems.usedUp(terms.code());
            case CUSTOMER_LIMIT_REACHED -> throw OrderProblems.limitReached(terms.code(), terms.perCustomerLimit());
        };
    }

    /** The best automatic promotion this customer may still use; the next best when that one is used up. */
    private PromotionTerms automatic(AccountId customer, Instant at, Money subtotal,
                                     BiFunction<PromotionTerms, AccountId, UseOutcome> use) {
        for (PromotionTerms terms : PromotionPolicy.automaticCandidates(promotions.automaticAt(at), at, subtotal)) {
            if (use.apply(terms, customer) == UseOutcome.TAKEN) {
                return terms;
            }
        }
        return null;
    }

    private static List<ProductId> productIds(List<BasketLine> lines) {
        return lines.stream().map(BasketLine::productId).toList();
    }
}
