package dev.keel.api.catalog;

/**
 * A product's stock as it stood right after a change, carried by every event that changes stock or
 * reservations (the product's own events and the orders' events).
 *
 * <p>Events of one product and of the orders that reserve it come from different aggregates, so a
 * reader may see them in any order. {@code sequence} grows by one with every change of this
 * product's stock or reservations: keep the level with the highest sequence and {@code available} is
 * right whatever order the events arrive in.
 *
 * @param stock     units on hand not yet shipped, or {@code null} for unlimited
 * @param available units that can still be ordered ({@code stock} minus units reserved by placed
 *                  orders), or {@code null} for unlimited
 * @param sequence  0 when the product was created, one more with each change
 */
public record StockLevel(ProductId productId, Long stock, Long available, long sequence) {

    /** The level of a product with unlimited stock. */
    public static StockLevel unlimited(ProductId productId, long sequence) {
        return new StockLevel(productId, null, null, sequence);
    }
}
