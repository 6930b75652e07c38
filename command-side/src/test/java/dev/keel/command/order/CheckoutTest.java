package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;
import dev.keel.api.order.BasketLine;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.order.PlaceOrder;
import dev.keel.api.order.ShippingAddress;
import dev.keel.api.promotion.PromotionId;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.promotion.PromotionTerms;
import dev.keel.command.rejection.CommandRejected;
import dev.keel.command.stock.SellableProduct;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.keel.command.order.OrderFixtures.NOW;
import static dev.keel.command.order.OrderFixtures.line;
import static dev.keel.command.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which baskets sell, and which promotion an order gets: the rules checkout applies for place and quote alike. */
class CheckoutTest {

    private final OrderFixtures shop = new OrderFixtures();
    private final AccountId customer = AccountId.random();
    private final ProductId mug = shop.product("MUG", 1_000, 10L);

    @Test
    void anUnknownProductIsRefusedNamingIt() {
        ProductId ghost = ProductId.random();
        assertRefused(() -> place(null, line(mug, 1), line(ghost, 1)), "unknown-product")
                .hasMessage("There is no product " + ghost);
    }

    @Test
    void anArchivedProductIsNoLongerSold() {
        shop.products.archive(mug);
        assertRefused(() -> place(null, line(mug, 1)), "product-archived");
    }

    @Test
    void oneOrderIsInOneCurrency() {
        ProductId dollars = shop.product("CAP", Money.of(500, "USD"), null, 0);
        assertRefused(() -> place(null, line(mug, 1), line(dollars, 1)), "mixed-currencies")
                .hasMessage("One order is paid in one currency; this one mixes EUR and USD");
    }

    @Test
    void aProductOnTwoLinesIsRefusedNamingTheSecondLine() {
        assertRefused(() -> place(null, line(mug, 1), line(mug, 2)), "validation-failed")
                .hasMessage("Invalid field(s): lines[1].productId");
    }

    @Test
    void aCountryWithoutATaxRateIsNotShippedTo() {
        var toNowhere = new ShippingAddress("A", "Street 1", null, "1", "Town", "ZZ");
        assertRefused(() -> shop.checkout.place(new PlaceOrder(order(customer, null, line(mug, 1)).orderId(), customer,
                List.of(line(mug, 1)), null, toNowhere, NOW)), "unsupported-country");
        assertThat(shop.products.get(mug).reserved()).isZero();
    }

    @Test
    void anUnknownCodeIsRefused() {
        assertRefused(() -> place("NOPE", line(mug, 1)), "unknown-promotion-code");
    }

    @Test
    void aCodeIsFoundWhateverItsCase() {
        PromotionTerms spring = shop.promotion("SPRING", PromotionKind.PERCENT, 10, null, null);
        OrderPlaced placed = place("Spring", line(mug, 3));
        assertThat(placed.promotionId()).isEqualTo(spring.promotionId());
        assertThat(placed.promotionCode()).isEqualTo("SPRING");
        assertThat(placed.totals()).isEqualTo(new OrderTotals(eur(3_000), eur(300), eur(513), eur(3_213)));
    }

    @Test
    void aCodeBeforeItsWindowIsNotYetValid() {
        add(terms("EARLY", PromotionKind.PERCENT, 10, NOW.plusSeconds(60), null, null, false));
        assertRefused(() -> place("EARLY", line(mug, 1)), "promotion-not-yet-valid");
    }

    @Test
    void aCodeAtTheEndOfItsWindowHasExpired() {
        add(terms("LATE", PromotionKind.PERCENT, 10, null, NOW, null, false));
        assertRefused(() -> place("LATE", line(mug, 1)), "promotion-expired");
    }

    @Test
    void aCodeNeedsItsMinimumOrder() {
        add(terms("BIG", PromotionKind.AMOUNT, 500, null, null, eur(5_000), false));
        assertRefused(() -> place("BIG", line(mug, 4)), "promotion-minimum-not-met")
                .hasMessage("Promotion BIG needs a subtotal of at least 5000 EUR; this order's is 4000");
        assertThat(place("BIG", line(mug, 5)).totals().discount()).isEqualTo(eur(500));
    }

    @Test
    void anAmountInAnotherCurrencyDoesNotMix() {
        var dollars = new PromotionTerms(PromotionId.random(), "USD5", PromotionKind.AMOUNT, 500, "USD", null, null, null,
                null, null, false);
        add(dollars);
        assertRefused(() -> place("USD5", line(mug, 1)), "mixed-currencies");
    }

    @Test
    void aCodeUsedAsOftenAsItsTotalLimitIsUsedUp() {
        shop.promotion("TWICE", PromotionKind.PERCENT, 10, null, 2);
        place("TWICE", line(mug, 1));
        shop.checkout.place(order(AccountId.random(), "TWICE", line(mug, 1)));
        assertRefused(() -> place("TWICE", line(mug, 1)), "promotion-used-up");
    }

    @Test
    void aCustomerCannotUseACodeMoreOftenThanTheirLimit() {
        PromotionTerms once = shop.promotion("ONCE", PromotionKind.PERCENT, 10, 1, 100);
        place("ONCE", line(mug, 1));
        assertRefused(() -> place("ONCE", line(mug, 1)), "promotion-limit-reached");
        assertThat(shop.promotions.used(once.promotionId())).isEqualTo(1);
        assertThat(shop.checkout.place(order(AccountId.random(), "ONCE", line(mug, 1))).promotionCode()).isEqualTo("ONCE");
    }

    @Test
    void anOrderWithoutACodeGetsTheAutomaticPromotionThatTakesMostOff() {
        shop.promotion(null, PromotionKind.PERCENT, 10, null, null);
        PromotionTerms better = shop.promotion(null, PromotionKind.AMOUNT, 500, null, null);
        OrderPlaced placed = place(null, line(mug, 3));
        assertThat(placed.promotionId()).isEqualTo(better.promotionId());
        assertThat(placed.totals().discount()).isEqualTo(eur(500));
    }

    @Test
    void aUsedUpAutomaticPromotionGivesWayToTheNextBest() {
        PromotionTerms next = shop.promotion(null, PromotionKind.PERCENT, 10, null, null);
        shop.promotion(null, PromotionKind.AMOUNT, 500, null, 1);
        place(null, line(mug, 3));
        assertThat(shop.checkout.place(order(AccountId.random(), null, line(mug, 3))).promotionId())
                .isEqualTo(next.promotionId());
    }

    @Test
    void anAutomaticPromotionWhoseMinimumIsNotMetDoesNotApply() {
        add(terms(null, PromotionKind.AMOUNT, 500, null, null, eur(50_000), true));
        assertThat(place(null, line(mug, 1)).promotionId()).isNull();
    }

    @Test
    void anOrderThatNamesACodeNeverFallsBackToAnAutomaticPromotion() {
        shop.promotion(null, PromotionKind.PERCENT, 10, null, null);
        add(terms("LATE", PromotionKind.PERCENT, 50, null, NOW.minus(Duration.ofDays(1)), null, false));
        assertRefused(() -> place("LATE", line(mug, 1)), "promotion-expired");
    }

    @Test
    void aQuotePricesLikeAPlacementButReservesAndUsesNothing() {
        PromotionTerms once = shop.promotion("ONCE", PromotionKind.PERCENT, 10, 1, 1);
        OrderQuote quote = shop.checkout.quote(new QuoteOrder(customer, List.of(line(mug, 3)), "once", "DE", NOW));
        assertThat(shop.products.get(mug).reserved()).isZero();
        assertThat(shop.promotions.used(once.promotionId())).isZero();

        OrderPlaced placed = place("once", line(mug, 3));
        assertThat(quote).isEqualTo(new OrderQuote(placed.lines(), placed.totals(), "ONCE", "DE", 1_900));
        assertRefused(() -> shop.checkout.quote(new QuoteOrder(customer, List.of(line(mug, 3)), "ONCE", "DE", NOW)),
                "promotion-used-up");
    }

    @Test
    void aQuoteIsRefusedWhenPlacingWouldBe() {
        assertRefused(() -> shop.checkout.quote(new QuoteOrder(customer, List.of(line(mug, 11)), null, "DE", NOW)),
                "out-of-stock");
    }

    @Test
    void placingTheLastUnitsLeavesNoneAvailable() {
        place(null, line(mug, 10));
        SellableProduct row = shop.products.get(mug);
        assertThat(row.available()).isZero();
        assertRefused(() -> place(null, line(mug, 1)), "out-of-stock");
    }

    private OrderPlaced place(String code, BasketLine... lines) {
        return shop.checkout.place(order(customer, code, lines));
    }

    private void add(PromotionTerms terms) {
        shop.promotions.add(terms);
    }

    private static PromotionTerms terms(String code, PromotionKind kind, long value, Instant from,
                                        Instant until, Money minimum, boolean automatic) {
        return new PromotionTerms(PromotionId.random(), code, kind, value, kind == PromotionKind.AMOUNT ? "EUR" : null,
                from, until, minimum, null, null, automatic);
    }

    private static AbstractThrowableAssert<?, CommandRejected> assertRefused(ThrowableAssert.ThrowingCallable call,
                                                                             String type) {
        CommandRejected refused = catchThrowableOfType(CommandRejected.class, call);
        assertThat(refused).as("refused as %s", type).isNotNull();
        assertThat(refused.type()).isEqualTo(type);
        return assertThat(refused);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
