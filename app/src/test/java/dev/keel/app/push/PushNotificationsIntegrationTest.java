package dev.keel.app.push;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.FcmStandIn;
import dev.keel.testing.FcmStandIn.Error;
import dev.keel.testing.FcmStandIn.Received;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Processors;
import dev.keel.testing.PushFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.app.push.PushDevicesIntegrationTest.devices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order status changes pushed by the real Firebase Admin SDK to the FCM stand-in: the HTTP v1 JSON it
 * sends, in the device's language, once per event and device, and each of FCM's failures handled.
 */
class PushNotificationsIntegrationTest extends KeelIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    Processors processors;
    @Autowired
    PushFixtures pushes;

    private final FcmStandIn fcm = FcmStandIn.shared();

    @Test
    void anOrderIsPushedToEachDeviceOnceInItsLanguage() {
        Session me = identity.newCustomer();
        String english = device(me, "en-GB");
        String german = device(me, "de-DE");
        String orderId = order(me);

        await().atMost(WAIT).until(() -> fcm.acceptedFor(english).size() == 1 && fcm.acceptedFor(german).size() == 1);
        JsonNode en = fcm.acceptedFor(english).getFirst().body().path("message");
        JsonNode de = fcm.acceptedFor(german).getFirst().body().path("message");
        assertThat(en.path("notification").path("title").asString()).isEqualTo("Order received");
        String number = orderId.substring(0, 8).toUpperCase();
        assertThat(en.path("notification").path("body").asString()).contains(number).containsPattern("€\\d+\\.\\d{2}");
        assertThat(de.path("notification").path("title").asString()).isEqualTo("Bestellung erhalten");
        assertThat(de.path("notification").path("body").asString()).contains(number).containsPattern("\\d+,\\d{2}\\h€");
        assertThat(en.path("data").path("orderId").asString()).isEqualTo(orderId);
        assertThat(en.path("data").path("status").asString()).isEqualTo("PLACED");
        assertThat(en.path("data").path("category").asString()).isEqualTo("ORDER_UPDATES");
        String eventId = en.path("data").path("eventId").asString();
        assertThat(de.path("data").path("eventId").asString()).isEqualTo(eventId);
        assertThat(en.path("android").path("notification").path("tag").asString()).isEqualTo(eventId);
        assertThat(en.path("apns").path("headers").path("apns-collapse-id").asString()).isEqualTo(eventId);

        cancel(me, orderId);
        await().atMost(WAIT).until(() -> fcm.acceptedFor(english).size() == 2 && fcm.acceptedFor(german).size() == 2);
        assertThat(fcm.acceptedFor(german).get(1).body().path("message").path("notification").path("title").asString())
                .isEqualTo("Bestellung storniert");
        assertThat(fcm.acceptedFor(english).stream().map(this::eventId).distinct()).hasSize(2);
        assertThat(fcm.refusedRequests()).isEmpty();
    }

    @Test
    void anUnregisteredTokenRemovesItsDeviceAndIsNotTriedAgain() {
        Session me = identity.newCustomer();
        String gone = device(me, "en");
        String kept = device(me, "en");
        fcm.failNext(gone, Error.UNREGISTERED, 5, null);

        order(me);

        identity.awaitMe(me.accessToken(), account -> devices(account).size() == 1);
        assertThat(fcm.sendsTo(gone)).hasSize(1);
        assertThat(fcm.acceptedFor(kept)).hasSize(1);
    }

    @Test
    void anInvalidTokenRemovesItsDevice() {
        Session me = identity.newCustomer();
        String invalid = device(me, "en");
        fcm.failNext(invalid, Error.INVALID_ARGUMENT, 5, null);

        order(me);

        identity.awaitMe(me.accessToken(), account -> devices(account).isEmpty());
        assertThat(fcm.sendsTo(invalid)).hasSize(1);
    }

    @Test
    void passingFailuresAreRetriedAfterTheRetryAfterFcmAskedFor() {
        Session me = identity.newCustomer();
        String internal = device(me, "en");
        String quota = device(me, "en");
        String unavailable = device(me, "en");
        fcm.failNext(internal, Error.INTERNAL, 1, 2);
        fcm.failNext(quota, Error.QUOTA_EXCEEDED, 1, 2);
        fcm.failNext(unavailable, Error.UNAVAILABLE, 1, 2);

        order(me);

        await().atMost(WAIT).until(() -> List.of(internal, quota, unavailable).stream()
                .allMatch(token -> fcm.acceptedFor(token).size() == 1));
        for (String token : List.of(internal, quota, unavailable)) {
            List<Received> sends = fcm.sendsTo(token);
            assertThat(sends).hasSize(2);
            assertThat(Duration.between(sends.get(0).at(), sends.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aPushFcmKeepsRefusingIsParkedAndStaffRetryReachesOnlyTheDeviceNotReachedYet() {
        Session me = identity.newCustomer();
        String reached = device(me, "en");
        String refused = device(me, "en");
        fcm.failNext(refused, Error.QUOTA_EXCEEDED, 1_000, null);

        String orderId = order(me);

        String staff = tokens.staff();
        Map<String, Object> letter = await().atMost(WAIT).until(() -> deadLetters(staff).stream()
                .filter(dead -> orderId.equals(dead.get("aggregate"))).findFirst().orElse(null), found -> found != null);
        assertThat(letter).containsEntry("eventType", "OrderPlaced").containsEntry("sequence", 0);
        assertThat((String) letter.get("causeMessage")).contains("QUOTA_EXCEEDED");
        assertThat(fcm.sendsTo(refused)).hasSize(3);
        assertThat(fcm.acceptedFor(reached)).hasSize(1);

        fcm.recover(refused);
        web.post().uri("/v1/admin/projections/push/dead-letters/" + letter.get("eventId") + "/retry")
                .headers(h -> h.setBearerAuth(staff)).exchange().expectStatus().isNoContent();

        assertThat(fcm.acceptedFor(refused)).hasSize(1);
        assertThat(fcm.acceptedFor(reached)).as("reached before: not pushed twice").hasSize(1);
        assertThat(deadLetters(staff)).noneMatch(dead -> orderId.equals(dead.get("aggregate")));
    }

    @Test
    void aCategoryTurnedOffIsNotPushed() {
        Session me = identity.newCustomer();
        String phone = device(me, "en");
        pushes.choose(me, "ORDER_UPDATES", false);
        String orderId = order(me);
        processors.awaitHandled("push", processors.positionsOf(List.of(orderId)));
        pushes.choose(me, "ORDER_UPDATES", true);

        cancel(me, orderId);

        await().atMost(WAIT).until(() -> fcm.acceptedFor(phone).size() == 1);
        assertThat(fcm.sendsTo(phone)).extracting(sent -> sent.body().path("message").path("data").path("status")
                .asString()).containsExactly("CANCELLED");
    }

    private String device(Session session, String locale) {
        return pushes.device(session, locale);
    }

    private String order(Session session) {
        String product = commerce.product("Push test kettle", 1234, 10L);
        return commerce.placed(session.accessToken(), CommerceFixtures.orderOf(product, 1, null));
    }

    private void cancel(Session session, String orderId) {
        web.post().uri("/v1/orders/" + orderId + "/cancellation").headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange().expectStatus().isOk();
    }

    private String eventId(Received received) {
        return received.body().path("message").path("data").path("eventId").asString();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deadLetters(String staff) {
        return (List<Map<String, Object>>) (List<?>) web.get().uri("/v1/admin/projections/push/dead-letters")
                .headers(h -> h.setBearerAuth(staff)).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
    }
}
