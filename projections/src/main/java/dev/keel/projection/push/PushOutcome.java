package dev.keel.projection.push;

import java.time.Duration;

/**
 * What FCM answered for one message.
 *
 * @param retryAfter what FCM asked to wait before the next try ({@code Retry-After}), or {@code null}
 */
record PushOutcome(Kind kind, String messageId, Duration retryAfter, String error) {

    enum Kind {
        /** Accepted by FCM. */
        SENT,
        /** {@code UNREGISTERED}: the token is gone for good. */
        UNREGISTERED,
        /** {@code INVALID_ARGUMENT}: the token is not one FCM takes. */
        INVALID_TOKEN,
        /** Anything else ({@code UNAVAILABLE}, {@code INTERNAL}, {@code QUOTA_EXCEEDED}, ...): try again later. */
        RETRY
    }

    static PushOutcome sent(String messageId) {
        return new PushOutcome(Kind.SENT, messageId, null, null);
    }
}
