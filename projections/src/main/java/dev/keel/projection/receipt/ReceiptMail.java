package dev.keel.projection.receipt;

import dev.keel.api.payment.PaymentCaptured;
import dev.keel.api.privacy.PersonalData;
import dev.keel.projection.mail.Mailer;
import dev.keel.projection.mail.SentMail;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Mails the customer the receipt of a captured payment, through the outbox: never replayed, at most
 * once per event ({@code sent_mail}), one event per batch so a failing send retries alone. The
 * address comes from the account read model; an erased account gets no mail.
 */
@Component
@ProcessingGroup(ReceiptMail.GROUP)
@DisallowReplay
class ReceiptMail {

    static final String GROUP = "receipt-mail";

    private final Mailer mailer;
    private final SentMail sent;
    private final JdbcClient jdbc;

    ReceiptMail(Mailer mailer, SentMail sent, JdbcClient jdbc) {
        this.mailer = mailer;
        this.sent = sent;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentCaptured event, EventMessage<?> message) {
        var recipient = jdbc.sql("SELECT email, display_name FROM account WHERE account_id = ?")
                .param(event.customerId().value())
                .query((row, n) -> new String[]{row.getString("email"), row.getString("display_name")}).optional();
        if (recipient.isEmpty() || PersonalData.ERASED.equals(recipient.get()[0])
                || !sent.firstTime(message.getIdentifier())) {
            return;
        }
        var amount = event.amount();
        mailer.send(recipient.get()[0], "Your receipt " + event.receiptNumber(), """
                Hello %s,

                thank you for your order %s. We have taken your payment of %s %s.

                Receipt number: %s
                Date: %s

                You can see the receipt in the app at any time.
                """.formatted(recipient.get()[1], event.orderId(),
                BigDecimal.valueOf(amount.amountMinor(), amount.currency().getDefaultFractionDigits()).toPlainString(),
                amount.currency().getCurrencyCode(), event.receiptNumber(), event.capturedAt()));
    }
}
