package dev.keel.query.order;

import dev.keel.api.order.FindCustomerOrders;
import dev.keel.api.order.FindOrder;
import dev.keel.api.order.FindOrderQueue;
import dev.keel.api.order.OrderPage;
import dev.keel.api.order.OrderView;
import dev.keel.query.paging.Cursors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Order reads. Pages end where the last order is, never at an offset; cursors name that order. */
@Component
class OrderQueries {

    private final OrderReadModel orders;

    OrderQueries(OrderReadModel orders) {
        this.orders = orders;
    }

    /** @return the order, or {@code null} when there is none (or it is another customer's) */
    @QueryHandler
    OrderView handle(FindOrder query) {
        return orders.find(query.orderId(), query.customerId()).orElse(null);
    }

    @QueryHandler
    OrderPage handle(FindCustomerOrders query) {
        String scope = mineScope(query);
        return page(scope, query.cursor(), query.size(), after -> orders.mine(query.customerId(), after, query.size() + 1));
    }

    @QueryHandler
    OrderPage handle(FindOrderQueue query) {
        String scope = queueScope(query);
        return page(scope, query.cursor(), query.size(), after -> orders.queue(query.status(), after, query.size() + 1));
    }

    static String mineScope(FindCustomerOrders query) {
        return "orders|mine|" + query.customerId();
    }

    static String queueScope(FindOrderQueue query) {
        return "orders|queue|" + query.status();
    }

    /** @throws org.springframework.web.ErrorResponseException 400 {@code invalid-cursor} */
    static OrderReadModel.Key after(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<Object> values = Cursors.decode(cursor, scope, 2);
        if (!(values.get(0) instanceof Long micros) || !(values.get(1) instanceof String id)) {
            throw new IllegalStateException("A checked cursor of another shape: " + values);
        }
        return new OrderReadModel.Key(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(id));
    }

    private static OrderPage page(String scope, String cursor, int size,
                                  Function<OrderReadModel.Key, List<OrderView>> fetch) {
        List<OrderView> found = fetch.apply(after(cursor, scope));
        List<OrderView> page = found.subList(0, Math.min(size, found.size()));
        String next = found.size() > size ? Cursors.encode(scope, List.of(
                ChronoUnit.MICROS.between(Instant.EPOCH, page.getLast().placedAt()),
                page.getLast().orderId().toString())) : null;
        return new OrderPage(page, next);
    }
}
