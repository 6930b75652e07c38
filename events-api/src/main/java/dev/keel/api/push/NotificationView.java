package dev.keel.api.push;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification of the in-app inbox, pushed or not. Apps word it from {@code kind} and the subject
 * (the push's title and body are the same words, in the device's language).
 *
 * @param kind      what happened: {@code order.PLACED}, {@code order.PAID}, {@code order.IN_FULFILMENT},
 *                  {@code order.DELIVERED}, {@code order.CANCELLED} ({@code ORDER_UPDATES}); {@code payment.DECLINED},
 *                  {@code payment.CAPTURED}, {@code payment.REFUNDED}, {@code payment.VOIDED} ({@code PAYMENT_RESULTS})
 * @param subjectId the order it is about
 */
public record NotificationView(UUID notificationId, NotificationCategory category, String kind, UUID subjectId,
                               Instant createdAt, boolean read) {
}
