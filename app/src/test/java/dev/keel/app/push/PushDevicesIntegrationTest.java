package dev.keel.app.push;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.PushFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Devices for push through the API: registered, listed in GET /v1/me, moved, removed, erased; choices per category. */
class PushDevicesIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registeredDevicesAreListedAndRemovedOnes() {
        Session me = identity.newCustomer();
        register(me, "phone-1", Map.of("fcmToken", token(), "platform", "ANDROID", "locale", "en-GB"))
                .expectStatus().isNoContent();
        register(me, "tablet-1", Map.of("fcmToken", token(), "platform", "IOS", "locale", "de-DE"))
                .expectStatus().isNoContent();

        identity.awaitMe(me.accessToken(), account -> devices(account).size() == 2);
        assertThat(devices(identity.awaitMe(me.accessToken(), account -> true)))
                .extracting(device -> device.get("deviceId") + "/" + device.get("platform") + "/" + device.get("locale"))
                .containsExactlyInAnyOrder("phone-1/ANDROID/en-GB", "tablet-1/IOS/de-DE");
        assertThat(devices(identity.awaitMe(me.accessToken(), account -> true)))
                .allSatisfy(device -> assertThat(device).doesNotContainKey("fcmToken"));

        remove(me, "phone-1").expectStatus().isNoContent();
        remove(me, "never-registered").expectStatus().isNoContent();
        identity.awaitMe(me.accessToken(), account -> devices(account).stream()
                .map(device -> device.get("deviceId")).toList().equals(List.of("tablet-1")));
    }

    @Test
    void aTokenRegisteredByAnotherAccountMovesToIt() {
        Session first = identity.newCustomer();
        Session second = identity.newCustomer();
        String shared = token();
        register(first, "handed-down", Map.of("fcmToken", shared, "platform", "ANDROID", "locale", "en"))
                .expectStatus().isNoContent();
        identity.awaitMe(first.accessToken(), account -> devices(account).size() == 1);

        register(second, "handed-down", Map.of("fcmToken", shared, "platform", "ANDROID", "locale", "de"))
                .expectStatus().isNoContent();

        identity.awaitMe(second.accessToken(), account -> devices(account).size() == 1);
        identity.awaitMe(first.accessToken(), account -> devices(account).isEmpty());
        assertThat(jdbc.sql("SELECT account_id::text FROM push_device WHERE fcm_token = ?").param(shared)
                .query(String.class).list()).containsExactly(second.accountId());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Session me = identity.newCustomer();
        expectInvalid(register(me, "phone", Map.of("platform", "ANDROID", "locale", "en")), "fcmToken");
        expectInvalid(register(me, "phone", Map.of("fcmToken", token(), "platform", "PALM", "locale", "en")), null);
        expectInvalid(register(me, "phone", Map.of("fcmToken", token(), "platform", "IOS", "locale", "not a tag")),
                "locale");
        expectInvalid(register(me, "x".repeat(129), Map.of("fcmToken", token(), "platform", "IOS", "locale", "en")),
                "deviceId");
        register(me, "phone", Map.of("fcmToken", token(), "platform", "WEB", "locale", "en"))
                .expectStatus().isNoContent();
        identity.awaitMe(me.accessToken(), account -> devices(account).size() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM push_device WHERE account_id = ?::uuid").param(me.accountId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void erasureRemovesThePersonsDevices() {
        Session me = identity.newCustomer();
        register(me, "phone", Map.of("fcmToken", token(), "platform", "ANDROID", "locale", "en"))
                .expectStatus().isNoContent();
        identity.awaitMe(me.accessToken(), account -> devices(account).size() == 1);

        web.delete().uri("/v1/me").headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange().expectStatus().is2xxSuccessful();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM push_device WHERE account_id = ?::uuid").param(me.accountId())
                .query(Long.class).single() == 0);
        register(me, "phone", Map.of("fcmToken", token(), "platform", "ANDROID", "locale", "en"))
                .expectStatus().isEqualTo(HttpStatus.GONE);
    }

    @Test
    void pushIsChosenPerCategoryAndMarketingNeedsRecordedConsent() {
        Session me = identity.newCustomer();
        assertThat(preferences(me)).containsEntry("orderUpdates", true).containsEntry("paymentResults", true)
                .containsEntry("marketing", false);

        choose(me, "ORDER_UPDATES", Map.of("push", false)).expectStatus().isNoContent();
        expectInvalid(choose(me, "MARKETING", Map.of("push", true)), "noticeVersion");
        choose(me, "MARKETING", Map.of("push", true, "noticeVersion", "push-offers-2026-11"))
                .expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(20)).until(() -> preferences(me),
                prefs -> prefs.get("orderUpdates").equals(false) && prefs.get("marketing").equals(true));
        Map<?, ?> ledger = web.get().uri("/v1/me/consents").headers(h -> h.setBearerAuth(me.accessToken()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(ledger.toString()).contains("MARKETING_PUSH").contains("push-offers-2026-11");

        choose(me, "MARKETING", Map.of("push", false)).expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(20)).until(() -> preferences(me), prefs -> prefs.get("marketing").equals(false));
    }

    private WebTestClient.ResponseSpec register(Session session, String deviceId, Map<String, Object> body) {
        return web.put().uri("/v1/me/devices/" + deviceId).headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec remove(Session session, String deviceId) {
        return web.delete().uri("/v1/me/devices/" + deviceId).headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange();
    }

    private WebTestClient.ResponseSpec choose(Session session, String category, Map<String, Object> body) {
        return web.put().uri("/v1/me/notification-preferences/" + category)
                .headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> preferences(Session session) {
        return (Map<String, Object>) web.get().uri("/v1/me/notification-preferences").headers(h -> h.setBearerAuth(session.accessToken()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static void expectInvalid(WebTestClient.ResponseSpec response, String field) {
        Map<?, ?> problem = response.expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(Map.class).returnResult().getResponseBody();
        if (field != null) {
            assertThat(problem.toString()).contains(field);
        }
    }

    static List<Map<String, Object>> devices(Map<String, Object> account) {
        return PushFixtures.devices(account);
    }

    static String token() {
        return PushFixtures.token();
    }
}
