package dev.keel.testing;

import dev.keel.testing.IdentityFixtures.Session;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Devices registered through the public API, as an app does after sign-in. */
@Component
public class PushFixtures {

    private final WebTestClient web;
    private final IdentityFixtures identity;

    PushFixtures(WebTestClient web, IdentityFixtures identity) {
        this.web = web;
        this.identity = identity;
    }

    /** A fresh FCM-like token, unique per call. */
    public static String token() {
        return "fcm-" + UUID.randomUUID() + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Registers an Android device in this locale and waits until the registry lists it; returns its token. */
    public String device(Session session, String locale) {
        String token = token();
        String deviceId = "device-" + UUID.randomUUID().toString().substring(0, 8);
        web.put().uri("/v1/me/devices/" + deviceId).headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("fcmToken", token, "platform", "ANDROID", "locale", locale))
                .exchange().expectStatus().isNoContent();
        identity.awaitMe(session.accessToken(), account -> devices(account).stream()
                .anyMatch(device -> deviceId.equals(device.get("deviceId"))));
        return token;
    }

    /** Turns push of a service category on or off and waits until the registry has the choice. */
    public void choose(Session session, String category, boolean push) {
        web.put().uri("/v1/me/notification-preferences/" + category).headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(Map.of("push", push))
                .exchange().expectStatus().isNoContent();
        String field = switch (category) {
            case "ORDER_UPDATES" -> "orderUpdates";
            case "PAYMENT_RESULTS" -> "paymentResults";
            default -> throw new IllegalArgumentException("not a service category: " + category);
        };
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.valueOf(push)
                .equals(web.get().uri("/v1/me/notification-preferences").headers(h -> h.setBearerAuth(session.accessToken()))
                        .exchange().expectBody(Map.class).returnResult().getResponseBody().get(field)));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> devices(Map<String, Object> account) {
        return (List<Map<String, Object>>) account.get("devices");
    }
}
