package dev.keel.command.payment;

/** Webhook event ids Keel has handled, kept durably so a replayed event is answered without acting twice. */
interface ProcessedWebhookEvents {

    /** @return the outcome recorded when the event was first handled, or {@code null} if it was not */
    StripeWebhooks.Outcome outcomeOf(String eventId);

    /** Records the event as handled; a second record of the same id keeps the first. */
    void record(String eventId, String type, StripeWebhooks.Outcome outcome);
}
