/**
 * Payments of orders through a gateway: the customer's request, what the gateway answered (declined,
 * captured, voided) and refunds. Authorization success is the order's own {@code OrderPaid}.
 */
package dev.keel.api.payment;
