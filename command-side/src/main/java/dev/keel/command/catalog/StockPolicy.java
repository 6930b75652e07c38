package dev.keel.command.catalog;

import dev.keel.command.rejection.CommandRejected;
import dev.keel.command.stock.SellableProduct;

import java.util.List;
import java.util.Map;

/** Whether STAFF may change a product's stock to what they ask, given what orders hold of it. */
final class StockPolicy {

    private StockPolicy() {
    }

    /** @return the new stock: {@code stock} itself, when it covers the reservations */
    static Long set(SellableProduct row, Long stock) {
        if (stock != null && stock < row.reserved()) {
            throw belowReserved(row, stock);
        }
        return stock;
    }

    /** @return the stock after adding {@code delta} */
    static Long adjust(SellableProduct row, long delta) {
        if (delta == 0) {
            throw new CommandRejected(CommandRejected.Kind.INVALID, "validation-failed",
                    "An adjustment must add or take away at least one unit",
                    Map.of("errors", List.of(Map.of("field", "delta", "message", "must not be 0"))));
        }
        if (row.stock() == null) {
            throw new CommandRejected(CommandRejected.Kind.CONFLICT, "stock-unlimited",
                    "Product " + row.productId() + " has unlimited stock; set a stock before adjusting it");
        }
        long stock = Math.addExact(row.stock(), delta);
        if (stock < row.reserved()) {
            throw belowReserved(row, stock);
        }
        return stock;
    }

    private static CommandRejected belowReserved(SellableProduct row, long stock) {
        return new CommandRejected(CommandRejected.Kind.CONFLICT, "stock-below-reserved",
                "Product " + row.productId() + " has " + row.reserved() + " units reserved by placed orders; its stock"
                        + " cannot go down to " + stock, Map.of("reserved", row.reserved()));
    }
}
