/**
 * Paying orders through a gateway exactly once: the {@link dev.keel.command.payment.PaymentGateway}
 * port and its adapters, the payment process (a saga per order) and the payment endpoints.
 */
package dev.keel.command.payment;
