package dev.keel.command.order;

import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/** Answers {@link QuoteOrder}; no aggregate is involved, since nothing is decided for good. */
@Component
class Quotes {

    private final Checkout checkout;

    Quotes(Checkout checkout) {
        this.checkout = checkout;
    }

    @CommandHandler
    OrderQuote handle(QuoteOrder query) {
        return checkout.quote(query);
    }
}
