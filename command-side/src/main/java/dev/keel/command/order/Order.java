package dev.keel.command.order;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
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
import dev.keel.api.order.OrderView;
import dev.keel.api.order.PlaceOrder;
import dev.keel.api.order.StartFulfilment;
import dev.keel.api.promotion.PromotionId;
import dev.keel.command.promotion.PromotionBook;
import dev.keel.command.rejection.ExpectedVersion;
import dev.keel.command.stock.SellableProducts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order, from placed to delivered or cancelled. It knows its customer, so a customer can never
 * change another's order; its stock and promotion use live in rows it changes in the command's
 * transaction (docs/commerce.md).
 */
@Aggregate(cache = "orderCache")
class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private AccountId customerId;
    private OrderStatus status;
    private List<OrderLine> lines;
    private PromotionId promotionId;

    Order() {
        // for Axon
    }

    /** @return the order as placed; a retry under the same Idempotency-Key answers it again */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    OrderView handle(PlaceOrder command, Checkout checkout) {
        OrderPlaced placed = checkout.place(command);
        apply(placed);
        return new OrderView(placed.orderId(), placed.customerId(), OrderStatus.PLACED, 0, placed.lines(),
                placed.totals(), placed.promotionCode(), placed.placedAt(), placed.placedAt());
    }

    @CommandHandler
    OrderChanged handle(MarkOrderPaid command) {
        Transition.PAY.from(status, orderId);
        apply(new OrderPaid(orderId, customerId, command.paymentReference()));
        return changed();
    }

    /** The goods leave stock for good here: stock and reservation both drop by the quantities. */
    @CommandHandler
    OrderChanged handle(StartFulfilment command, SellableProducts stock) {
        ExpectedVersion.check(command.expectedVersion(), "Order " + orderId);
        Transition.START_FULFILMENT.from(status, orderId);
        apply(new OrderFulfilmentStarted(orderId, customerId, eachProduct(stock::ship)));
        return changed();
    }

    @CommandHandler
    OrderChanged handle(ConfirmDelivery command) {
        ExpectedVersion.check(command.expectedVersion(), "Order " + orderId);
        Transition.DELIVER.from(status, orderId);
        apply(new OrderDelivered(orderId, customerId));
        return changed();
    }

    /**
     * Another customer hears the order does not exist, before any other check. Reserved stock and the
     * promotion's use go back; goods already in fulfilment stay out of stock (STAFF add them back with
     * a stock adjustment when they return).
     */
    @CommandHandler
    OrderChanged handle(CancelOrder command, SellableProducts stock, PromotionBook promotions) {
        if (command.by() == CancelledBy.CUSTOMER && !customerId.equals(command.requestedBy())) {
            throw OrderProblems.notFound(orderId);
        }
        ExpectedVersion.check(command.expectedVersion(), "Order " + orderId);
        Transition.cancelBy(command.by()).from(status, orderId);
        List<StockLevel> released = status == OrderStatus.IN_FULFILMENT ? List.of() : eachProduct(stock::release);
        if (promotionId != null) {
            promotions.giveBack(promotionId, customerId);
        }
        apply(new OrderCancelled(orderId, customerId, command.by(), status, released));
        return changed();
    }

    /** Changes each product's row in product-id order, the order every command locks them in. */
    private List<StockLevel> eachProduct(BiFunction<ProductId, Long, StockLevel> change) {
        return lines.stream()
                .sorted(Comparator.comparing(line -> line.productId().value()))
                .map(line -> change.apply(line.productId(), (long) line.quantity()))
                .toList();
    }

    private OrderChanged changed() {
        return new OrderChanged(orderId, status, AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        customerId = event.customerId();
        status = OrderStatus.PLACED;
        lines = event.lines();
        promotionId = event.promotionId();
    }

    @EventSourcingHandler
    void on(OrderPaid event) {
        status = OrderStatus.PAID;
    }

    @EventSourcingHandler
    void on(OrderFulfilmentStarted event) {
        status = OrderStatus.IN_FULFILMENT;
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = OrderStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }
}
