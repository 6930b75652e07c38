package dev.keel.api.payment;

import dev.keel.api.account.AccountId;
import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;
import dev.keel.api.order.OrderLine;
import dev.keel.api.order.OrderTotals;

import java.time.Instant;
import java.util.List;

/**
 * The receipt of a captured payment, issued when fulfilment started.
 *
 * @param receiptNumber without gaps per year ({@code 2026-000042})
 * @param amountPaid    what was captured
 * @param lines         the order's lines as placed
 * @param totals        the order's totals, tax included
 */
public record ReceiptView(String receiptNumber,
                          OrderId orderId,
                          AccountId customerId,
                          Instant issuedAt,
                          Money amountPaid,
                          List<OrderLine> lines,
                          OrderTotals totals) {

    public ReceiptView {
        lines = List.copyOf(lines);
    }
}
