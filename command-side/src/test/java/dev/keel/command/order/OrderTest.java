package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.api.order.CancelOrder;
import dev.keel.api.order.CancelledBy;
import dev.keel.api.order.ConfirmDelivery;
import dev.keel.api.order.OrderCancelled;
import dev.keel.api.order.OrderDelivered;
import dev.keel.api.order.OrderFulfilmentStarted;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderPaid;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.order.OrderStatus;
import dev.keel.api.order.OrderTotals;
import dev.keel.api.order.OrderView;
import dev.keel.api.order.PlaceOrder;
import dev.keel.api.order.StartFulfilment;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.promotion.PromotionTerms;
import dev.keel.command.rejection.CommandRejected;
import dev.keel.command.stock.SellableProduct;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.keel.command.order.OrderFixtures.NOW;
import static dev.keel.command.order.OrderFixtures.TO_BERLIN;
import static dev.keel.command.order.OrderFixtures.line;
import static dev.keel.command.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Placing an order and what each later command does to it, its stock and its promotion's use. */
class OrderTest {

    private final OrderFixtures shop = new OrderFixtures();
    private final AccountId customer = AccountId.random();
    private AggregateTestFixture<Order> fixture;
    private ProductId mug;
    private OrderId orderId;
    private OrderPlaced placed;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(shop.checkout);
        fixture.registerInjectableResource(shop.products);
        fixture.registerInjectableResource(shop.promotions);
        mug = shop.product("MUG", 1_000, 10L);
        orderId = OrderId.random();
        placed = placedEvent();
    }

    @Test
    void placingPricesFromTheCatalogReservesTheStockAndAnswersTheOrder() {
        PlaceOrder command = new PlaceOrder(orderId, customer, List.of(line(mug, 3)), null, TO_BERLIN, NOW);
        var lines = List.of(new OrderLine(mug, "MUG", "Product MUG", 3, eur(1_000), eur(3_000)));
        var totals = new OrderTotals(eur(3_000), eur(0), eur(570), eur(3_570));

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new OrderPlaced(orderId, customer, lines, totals, null, null, "DE", 1_900, TO_BERLIN,
                        List.of(new StockLevel(mug, 10L, 7L, 1)), NOW))
                .expectResultMessagePayload(new OrderView(orderId, customer, OrderStatus.PLACED, 0, lines, totals, null,
                        NOW, NOW));
        assertThat(shop.products.get(mug).reserved()).isEqualTo(3);
    }

    @Test
    void placingMoreThanIsAvailableIsRefusedNamingTheProductAndReservesNothing() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(orderId, customer, List.of(line(mug, 11)), null, TO_BERLIN, NOW))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Only 10 of product " + mug + " can be ordered now; the order asks for 11")
                .expectNoEvents();
        assertThat(shop.products.get(mug).reserved()).isZero();
    }

    @Test
    void placingWithACodeRecordsOneUseOfIt() {
        PromotionTerms spring = shop.promotion("SPRING", PromotionKind.PERCENT, 10, 1, 10);
        fixture.givenNoPriorActivity()
                .when(order(customer, "spring", line(mug, 1)))
                .expectSuccessfulHandlerExecution();
        assertThat(shop.promotions.used(spring.promotionId())).isEqualTo(1);
        assertThat(shop.promotions.usedBy(spring.promotionId(), customer)).isEqualTo(1);
    }

    @Test
    void payingAPlacedOrderMovesItToPaid() {
        fixture.given(placed)
                .when(new MarkOrderPaid(orderId, "pay-1"))
                .expectEvents(new OrderPaid(orderId, customer, "pay-1"))
                .expectResultMessagePayload(new OrderChanged(orderId, OrderStatus.PAID, 1));
    }

    @Test
    void fulfilmentTakesTheGoodsOutOfStockForGood() {
        reserved(2);
        fixture.given(placed, paid())
                .when(new StartFulfilment(orderId, 1L))
                .expectEvents(new OrderFulfilmentStarted(orderId, customer, List.of(new StockLevel(mug, 8L, 8L, 1))))
                .expectResultMessagePayload(new OrderChanged(orderId, OrderStatus.IN_FULFILMENT, 2));
        assertThat(shop.products.get(mug).reserved()).isZero();
    }

    @Test
    void deliveryEndsAnOrderInFulfilment() {
        fixture.given(placed, paid(), fulfilling())
                .when(new ConfirmDelivery(orderId, null))
                .expectEvents(new OrderDelivered(orderId, customer))
                .expectResultMessagePayload(new OrderChanged(orderId, OrderStatus.DELIVERED, 3));
    }

    @Test
    void theCustomerCancellingBeforeFulfilmentGetsTheStockAndThePromotionUseBack() {
        PromotionTerms spring = shop.promotion("SPRING", PromotionKind.PERCENT, 10, 1, 10);
        shop.promotions.take(spring, customer);
        reserved(2);
        OrderPlaced withCode = new OrderPlaced(orderId, customer, placed.lines(), placed.totals(), spring.promotionId(),
                "SPRING", "DE", 1_900, TO_BERLIN, placed.stockLevels(), NOW);

        fixture.given(withCode, paid())
                .when(new CancelOrder(orderId, customer, CancelledBy.CUSTOMER, 1L))
                .expectEvents(new OrderCancelled(orderId, customer, CancelledBy.CUSTOMER, OrderStatus.PAID,
                        List.of(new StockLevel(mug, 10L, 10L, 1))))
                .expectResultMessagePayload(new OrderChanged(orderId, OrderStatus.CANCELLED, 2));
        assertThat(shop.products.get(mug).reserved()).isZero();
        assertThat(shop.promotions.used(spring.promotionId())).isZero();
    }

    @Test
    void staffCancellingInFulfilmentGivesNoStockBackForTheGoodsHaveLeft() {
        fixture.given(placed, paid(), fulfilling())
                .when(new CancelOrder(orderId, AccountId.random(), CancelledBy.STAFF, null))
                .expectEvents(new OrderCancelled(orderId, customer, CancelledBy.STAFF, OrderStatus.IN_FULFILMENT, List.of()));
        assertThat(shop.products.get(mug).stock()).isEqualTo(10L);
    }

    @Test
    void anotherCustomerHearsTheOrderDoesNotExistEvenWithAStaleVersion() {
        reserved(2);
        fixture.given(placed)
                .when(new CancelOrder(orderId, AccountId.random(), CancelledBy.CUSTOMER, 7L))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Nothing exists with id " + orderId)
                .expectNoEvents();
        assertThat(shop.products.get(mug).reserved()).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsAConflictNamingTheCurrentVersion() {
        fixture.given(placed, paid())
                .when(new StartFulfilment(orderId, 0L))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Order " + orderId + " is at version 1, not 0")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{1} cancels an order that is {0}")
    @CsvSource({"PLACED, CUSTOMER", "PLACED, STAFF", "PAID, STAFF"})
    void cancellingBeforeFulfilmentIsAllowedToTheCustomerAndToStaff(OrderStatus status, CancelledBy by) {
        reserved(2);
        AccountId asker = by == CancelledBy.CUSTOMER ? customer : AccountId.random();
        givenStatus(status)
                .when(new CancelOrder(orderId, asker, by, null))
                .expectEvents(new OrderCancelled(orderId, customer, by, status, List.of(new StockLevel(mug, 10L, 10L, 1))));
    }

    private TestExecutor<Order> givenStatus(OrderStatus status) {
        return switch (status) {
            case PLACED -> fixture.given(placed);
            case PAID -> fixture.given(placed, paid());
            case IN_FULFILMENT -> fixture.given(placed, paid(), fulfilling());
            case DELIVERED -> fixture.given(placed, paid(), fulfilling(), new OrderDelivered(orderId, customer));
            case CANCELLED -> fixture.given(placed, new OrderCancelled(orderId, customer, CancelledBy.CUSTOMER,
                    OrderStatus.PLACED, List.of()));
        };
    }

    /** Every move the lifecycle does not allow, one by one, each refused naming the current status. */
    @ParameterizedTest(name = "{0} cannot {1}")
    @CsvSource({
            "PLACED, go into fulfilment",
            "PLACED, be delivered",
            "PAID, be marked paid",
            "PAID, be delivered",
            "IN_FULFILMENT, be marked paid",
            "IN_FULFILMENT, go into fulfilment",
            "IN_FULFILMENT, be cancelled by its customer",
            "DELIVERED, be marked paid",
            "DELIVERED, go into fulfilment",
            "DELIVERED, be delivered",
            "DELIVERED, be cancelled by its customer",
            "DELIVERED, be cancelled",
            "CANCELLED, go into fulfilment",
            "CANCELLED, be delivered",
            "CANCELLED, be cancelled by its customer",
            "CANCELLED, be cancelled"})
    void refusesAnIllegalTransitionNamingTheCurrentStatus(OrderStatus status, String move) {
        Object command = switch (move) {
            case "be marked paid" -> new MarkOrderPaid(orderId, "pay-2");
            case "go into fulfilment" -> new StartFulfilment(orderId, null);
            case "be delivered" -> new ConfirmDelivery(orderId, null);
            case "be cancelled by its customer" -> new CancelOrder(orderId, customer, CancelledBy.CUSTOMER, null);
            case "be cancelled" -> new CancelOrder(orderId, AccountId.random(), CancelledBy.STAFF, null);
            default -> throw new IllegalArgumentException(move);
        };
        reserved(2);
        givenStatus(status)
                .when(command)
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Order " + orderId + " is " + status + "; it cannot " + move + " now")
                .expectNoEvents();
        assertThat(shop.products.get(mug).reserved()).as("nothing moved").isEqualTo(2);
    }

    private void reserved(long units) {
        shop.products.put(new SellableProduct(mug, "MUG", "Product MUG", eur(1_000), 10L, units,
                false, 0));
    }

    private OrderPlaced placedEvent() {
        var lines = List.of(new OrderLine(mug, "MUG", "Product MUG", 2, eur(1_000), eur(2_000)));
        return new OrderPlaced(orderId, customer, lines, new OrderTotals(eur(2_000), eur(0), eur(380), eur(2_380)), null,
                null, "DE", 1_900, TO_BERLIN, List.of(new StockLevel(mug, 10L, 8L, 1)), NOW);
    }

    private OrderPaid paid() {
        return new OrderPaid(orderId, customer, "pay-1");
    }

    private OrderFulfilmentStarted fulfilling() {
        return new OrderFulfilmentStarted(orderId, customer, List.of(new StockLevel(mug, 8L, 8L, 2)));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
