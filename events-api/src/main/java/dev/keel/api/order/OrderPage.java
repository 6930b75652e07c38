package dev.keel.api.order;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A page of orders, in the order its query names.
 *
 * @param nextCursor pass it as the next query's cursor; {@code null} on the last page
 */
public record OrderPage(List<OrderView> items, @Nullable String nextCursor) {

    public OrderPage {
        items = List.copyOf(items);
    }
}
