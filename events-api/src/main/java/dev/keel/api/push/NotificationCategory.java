package dev.keel.api.push;

/**
 * What a notification is about, so a person can turn push off per kind. Every category lands in the
 * in-app inbox whatever the choice; the choice is only whether the phone is woken.
 */
public enum NotificationCategory {
    /** An order's status changed (placed, paid, in fulfilment, delivered, cancelled). Pushed unless turned off. */
    ORDER_UPDATES,
    /** A payment succeeded or failed. Pushed unless turned off. */
    PAYMENT_RESULTS,
    /** Offers and news: pushed only with consent to {@code MARKETING_PUSH}, given explicitly. */
    MARKETING
}
