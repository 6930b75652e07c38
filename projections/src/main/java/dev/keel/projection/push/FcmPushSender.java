package dev.keel.projection.push;

import com.google.firebase.FirebaseApp;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FCM's HTTP v1 API through the Firebase Admin SDK's {@code sendEach}: one request per message, the
 * SDK's own retries of 503 (honoring {@code Retry-After}) included. Per message, FCM's error code
 * decides: the token is gone, or the message may be tried again, after {@code Retry-After} if FCM
 * sent one.
 */
class FcmPushSender implements PushSender, AutoCloseable {

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;

    FcmPushSender(FirebaseApp app) {
        this.app = app;
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    @Override
    public List<PushOutcome> send(List<PushMessage> messages) {
        if (messages.size() > MAX_BATCH) {
            throw new IllegalArgumentException("FCM takes at most " + MAX_BATCH + " messages a call, not " + messages.size());
        }
        try {
            BatchResponse batch = messaging.sendEach(messages.stream().map(FcmPushSender::message).toList());
            List<PushOutcome> outcomes = new ArrayList<>(messages.size());
            for (SendResponse response : batch.getResponses()) {
                outcomes.add(response.isSuccessful() ? PushOutcome.sent(response.getMessageId())
                        : outcome(response.getException()));
            }
            return outcomes;
        } catch (FirebaseMessagingException e) {
            PushOutcome failed = outcome(e);
            return messages.stream().map(message -> failed).toList();
        }
    }

    @Override
    public void close() {
        app.delete();
    }

    private static Message message(PushMessage push) {
        return Message.builder()
                .setToken(push.fcmToken())
                .setNotification(Notification.builder().setTitle(push.title()).setBody(push.body()).build())
                .putAllData(push.data())
                .setAndroidConfig(AndroidConfig.builder()
                        .setNotification(AndroidNotification.builder().setTag(push.collapseId()).build())
                        .build())
                .setApnsConfig(ApnsConfig.builder().putHeader("apns-collapse-id", push.collapseId())
                        .setAps(Aps.builder().build()).build())
                .build();
    }

    private static PushOutcome outcome(FirebaseMessagingException e) {
        MessagingErrorCode code = e.getMessagingErrorCode();
        String error = (code == null ? e.getErrorCode() : code) + ": " + e.getMessage();
        if (code == MessagingErrorCode.UNREGISTERED) {
            return new PushOutcome(PushOutcome.Kind.UNREGISTERED, null, null, error);
        }
        if (code == MessagingErrorCode.INVALID_ARGUMENT) {
            return new PushOutcome(PushOutcome.Kind.INVALID_TOKEN, null, null, error);
        }
        return new PushOutcome(PushOutcome.Kind.RETRY, null, retryAfter(e.getHttpResponse()), error);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(IncomingHttpResponse response) {
        if (response == null) {
            return null;
        }
        Object value = response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value instanceof List<?> values) {
            value = values.isEmpty() ? null : values.getFirst();
        }
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
