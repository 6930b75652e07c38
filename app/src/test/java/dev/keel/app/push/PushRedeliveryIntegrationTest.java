package dev.keel.app.push;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.FcmStandIn;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Processors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.keel.app.push.PushDevicesIntegrationTest.devices;
import static dev.keel.app.push.PushDevicesIntegrationTest.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery is at least once (RedeliveryIntegrationTest): each push group, moved back to a plain earlier
 * position, leaves its read model as it was, and no push goes out twice (order updates and payment results).
 */
class PushRedeliveryIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Processors processors;
    @Autowired
    CommerceFixtures commerce;
    @Autowired
    JdbcClient jdbc;

    private final FcmStandIn fcm = FcmStandIn.shared();

    @Test
    void theRegistryIsUnchangedByEventsItSeesAgain() {
        Session me = identity.newCustomer();
        String kept = device(me, "kept", token());
        device(me, "removed", token());
        send(me, "DELETE", "/v1/me/devices/removed", null);
        send(me, "PUT", "/v1/me/notification-preferences/PAYMENT_RESULTS", Map.of("push", false));
        identity.awaitMe(me.accessToken(), account -> devices(account).size() == 1);

        assertUnchangedByRedelivery("push-registry", me.accountId(), 2, () -> jdbc.sql("""
                        SELECT device_id || fcm_token || locale || registered_at AS line FROM push_device WHERE account_id = ?::uuid
                        UNION ALL SELECT category || push FROM push_preference WHERE account_id = ?::uuid ORDER BY 1""")
                .params(me.accountId(), me.accountId()).query(String.class).list());
        assertThat(kept).isNotBlank();
    }

    @Test
    void theInboxIsUnchangedByEventsItSeesAgain() {
        Session me = identity.newCustomer();
        String orderId = order(me);
        declined(me, orderId);
        send(me, "POST", "/v1/orders/" + orderId + "/cancellation", null);

        assertUnchangedByRedelivery("notification-inbox", orderId, 3, () -> jdbc.sql("""
                        SELECT seq || notification_id::text || kind || created_at || coalesce(read_at::text, '')
                        FROM notification WHERE subject_id = ? ORDER BY seq""")
                .param(orderId).query(String.class).list());
    }

    @Test
    void noPushIsSentTwiceForAnEventSeenAgain() {
        Session me = identity.newCustomer();
        String phone = token();
        device(me, "phone", phone);
        String orderId = order(me);
        send(me, "POST", "/v1/orders/" + orderId + "/cancellation", null);

        assertUnchangedByRedelivery("push", orderId, 2, () -> fcm.sendsTo(phone).stream()
                .map(sent -> sent.body().path("message").path("data").path("status").asString()).toList());
    }

    @Test
    void noPaymentResultIsPushedTwiceForAnEventSeenAgain() {
        Session me = identity.newCustomer();
        String phone = token();
        device(me, "phone", phone);
        String orderId = order(me);
        declined(me, orderId);

        assertUnchangedByRedelivery("push", orderId, 2, () -> fcm.sendsTo(phone).stream()
                .map(sent -> sent.body().path("message").path("data"))
                .map(data -> data.path("category").asString() + ":" + data.path("status").asString()
                        + data.path("result").asString())
                .toList());
    }

    /** A payment attempt the gateway declined, once its event is stored. */
    private void declined(Session session, String orderId) {
        commerce.pay(session.accessToken(), orderId, "tok_decline");
        await().atMost(Duration.ofSeconds(60)).until(() -> commerce.events("payment.PaymentDeclined", orderId) == 1);
    }

    private void assertUnchangedByRedelivery(String group, String aggregate, int entries, Supplier<List<?>> readModel) {
        List<Long> positions = processors.positionsOf(List.of(aggregate));
        processors.awaitHandled(group, positions);
        List<?> before = readModel.get();
        assertThat(before).as("what the events made of the read model").hasSize(entries);

        processors.redeliverFrom(group, positions.getFirst());
        processors.awaitHandled(group, positions);

        assertThat(readModel.get()).isEqualTo(before);
    }

    private String device(Session session, String deviceId, String token) {
        send(session, "PUT", "/v1/me/devices/" + deviceId,
                Map.of("fcmToken", token, "platform", "IOS", "locale", "de-AT"));
        identity.awaitMe(session.accessToken(), account -> devices(account).stream()
                .anyMatch(device -> deviceId.equals(device.get("deviceId"))));
        return token;
    }

    private String order(Session session) {
        String product = commerce.product("Redelivered push lamp", 500, 10L);
        return commerce.placed(session.accessToken(), CommerceFixtures.orderOf(product, 1, null));
    }

    private void send(Session session, String method, String uri, Object body) {
        var request = web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString());
        (body == null ? request.exchange() : request.bodyValue(body).exchange()).expectStatus().is2xxSuccessful();
    }
}
