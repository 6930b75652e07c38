package dev.keel.api.push;

/**
 * Whether each category is pushed to the account's devices. The in-app inbox has them all regardless.
 *
 * @param marketing whether {@code MARKETING_PUSH} consent stands
 */
public record NotificationPreferencesView(boolean orderUpdates, boolean paymentResults, boolean marketing) {
}
