package dev.keel.projection.receipt;

import dev.keel.api.payment.PaymentCaptured;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;

/** The {@code receipt} table, one row per captured payment, keyed by its number: a redelivery adds nothing. */
@Component
@ProcessingGroup("receipt-table")
class ReceiptTableProjection {

    private final JdbcClient jdbc;

    ReceiptTableProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentCaptured event) {
        jdbc.sql("""
                        INSERT INTO receipt (receipt_number, order_id, customer_id, amount_minor, currency,
                                             payment_reference, issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (receipt_number) DO NOTHING""")
                .params(event.receiptNumber(), event.orderId().value(), event.customerId().value(),
                        event.amount().amountMinor(), event.amount().currency().getCurrencyCode(),
                        event.paymentReference(), event.capturedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    @ResetHandler
    void onReset() {
        jdbc.sql("TRUNCATE receipt").update();
    }
}
