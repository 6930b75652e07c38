package dev.keel.app.push;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.FcmStandIn;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Processors;
import dev.keel.testing.PushFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payment results (category PAYMENT_RESULTS) pushed by the real Firebase Admin SDK to the FCM stand-in:
 * the HTTP v1 JSON in the device's language, the choice to turn them off, and the inbox that has them
 * either way. Paid on the sandbox gateway, the payment process running for real.
 */
class PaymentPushesIntegrationTest extends KeelIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    PushFixtures pushes;
    @Autowired
    Processors processors;

    private final FcmStandIn fcm = FcmStandIn.shared();

    @Test
    void aCaptureIsPushedInEachDevicesLanguageWithItsReceiptAndSoIsTheRefund() {
        Session me = identity.newCustomer();
        String english = pushes.device(me, "en-GB");
        String german = pushes.device(me, "de-DE");
        String orderId = order(me);
        String number = orderId.substring(0, 8).toUpperCase();

        commerce.pay(me.accessToken(), orderId, "tok_approve");
        commerce.awaitStatus(me.accessToken(), orderId, "PAID");
        commerce.fulfil(orderId);

        JsonNode en = awaitResult(english, "CAPTURED");
        JsonNode de = awaitResult(german, "CAPTURED");
        String receipt = en.path("data").path("receiptNumber").asString();
        assertThat(receipt).matches("\\d{4}-\\d{6}");
        assertThat(title(en)).isEqualTo("Payment taken");
        assertThat(body(en)).isEqualTo("We have charged €11.90 for order " + number + ". Your receipt is number "
                + receipt + ".");
        assertThat(title(de)).isEqualTo("Zahlung abgebucht");
        assertThat(body(de)).matches("Wir haben 11,90\\h€ für Bestellung " + number
                + " abgebucht\\. Ihr Beleg hat die Nummer " + receipt + "\\.");
        assertThat(en.path("data").path("category").asString()).isEqualTo("PAYMENT_RESULTS");
        assertThat(en.path("data").path("orderId").asString()).isEqualTo(orderId);
        String eventId = en.path("data").path("eventId").asString();
        assertThat(de.path("data").path("eventId").asString()).isEqualTo(eventId);
        assertThat(en.path("android").path("notification").path("tag").asString()).isEqualTo(eventId);
        assertThat(en.path("apns").path("headers").path("apns-collapse-id").asString()).isEqualTo(eventId);

        commerce.refundAll(orderId);
        JsonNode refund = awaitResult(german, "REFUNDED");
        assertThat(title(refund)).isEqualTo("Erstattung unterwegs");
        assertThat(body(refund)).matches("Wir haben Ihnen 11,90\\h€ für Bestellung " + number + " erstattet\\.");
        assertThat(body(awaitResult(english, "REFUNDED"))).isEqualTo("We have refunded €11.90 for order " + number + ".");

        List<Map<String, Object>> inbox = await().atMost(WAIT).until(() -> paymentNotifications(me),
                items -> items.size() == 2);
        assertThat(inbox).extracting(item -> item.get("kind")).containsExactly("payment.REFUNDED", "payment.CAPTURED");
        assertThat(inbox).allSatisfy(item -> assertThat(item).containsEntry("subjectId", orderId));
        assertThat(inbox.get(1).get("notificationId")).isEqualTo(en.path("data").path("notificationId").asString());
        assertThat(results(english)).containsExactly("CAPTURED", "REFUNDED");
        assertThat(results(german)).containsExactly("CAPTURED", "REFUNDED");
    }

    @Test
    void aDeclinedPaymentIsPushedWithTheGatewaysReason() {
        Session me = identity.newCustomer();
        String phone = pushes.device(me, "de-DE");
        String orderId = order(me);

        commerce.pay(me.accessToken(), orderId, "tok_decline");

        JsonNode declined = awaitResult(phone, "DECLINED");
        assertThat(title(declined)).isEqualTo("Zahlung abgelehnt");
        assertThat(body(declined)).startsWith("Ihre Zahlung für Bestellung " + orderId.substring(0, 8).toUpperCase()
                + " wurde abgelehnt.");
        assertThat(declined.path("data").path("reason").asString()).isEqualTo("card_declined");
        assertThat(declined.path("data").path("category").asString()).isEqualTo("PAYMENT_RESULTS");
        await().atMost(WAIT).until(() -> paymentNotifications(me), items -> items.size() == 1);
        assertThat(paymentNotifications(me).getFirst()).containsEntry("kind", "payment.DECLINED")
                .containsEntry("category", "PAYMENT_RESULTS").containsEntry("read", false);
    }

    @Test
    void cancellingAPaidOrderPushesThatItsAuthorizationWasReleased() {
        Session me = identity.newCustomer();
        String phone = pushes.device(me, "en");
        String orderId = order(me);
        commerce.pay(me.accessToken(), orderId, "tok_approve");
        commerce.awaitStatus(me.accessToken(), orderId, "PAID");

        web.post().uri("/v1/orders/" + orderId + "/cancellation").headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange().expectStatus().isOk();

        JsonNode voided = awaitResult(phone, "VOIDED");
        assertThat(title(voided)).isEqualTo("Payment released");
        assertThat(body(voided)).contains("was not charged");
    }

    @Test
    void paymentResultsTurnedOffAreNotPushedButStayInTheInbox() {
        Session me = identity.newCustomer();
        String phone = pushes.device(me, "en");
        pushes.choose(me, "PAYMENT_RESULTS", false);
        String orderId = order(me);

        commerce.pay(me.accessToken(), orderId, "tok_decline");
        await().atMost(WAIT).until(() -> commerce.events("payment.PaymentDeclined", orderId) == 1);
        processors.awaitHandled("push", processors.positionsOf(List.of(orderId)));
        assertThat(categories(phone)).as("order updates stay on").containsExactly("ORDER_UPDATES");
        await().atMost(WAIT).until(() -> paymentNotifications(me), items -> items.size() == 1);

        pushes.choose(me, "PAYMENT_RESULTS", true);
        commerce.pay(me.accessToken(), orderId, "tok_decline");

        awaitResult(phone, "DECLINED");
        assertThat(results(phone)).as("only the attempt declined after the choice").containsExactly("DECLINED");
        await().atMost(WAIT).until(() -> paymentNotifications(me), items -> items.size() == 2);
    }

    private String order(Session session) {
        String product = commerce.product("Payment push kettle", 1_000, 10L);
        return commerce.placed(session.accessToken(), CommerceFixtures.orderOf(product, 1, null));
    }

    /** The message of the first push of this result to the token, once it arrived. */
    private JsonNode awaitResult(String token, String result) {
        return await().atMost(WAIT).until(() -> fcm.acceptedFor(token).stream()
                .map(sent -> sent.body().path("message"))
                .filter(message -> result.equals(message.path("data").path("result").asString()))
                .findFirst().orElse(null), message -> message != null);
    }

    private List<String> results(String token) {
        return fcm.sendsTo(token).stream().map(sent -> sent.body().path("message").path("data"))
                .filter(data -> "PAYMENT_RESULTS".equals(data.path("category").asString()))
                .map(data -> data.path("result").asString()).toList();
    }

    private List<String> categories(String token) {
        return fcm.sendsTo(token).stream()
                .map(sent -> sent.body().path("message").path("data").path("category").asString()).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> paymentNotifications(Session session) {
        Map<String, Object> page = web.get().uri("/v1/me/notifications?size=100")
                .headers(h -> h.setBearerAuth(session.accessToken())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(item -> "PAYMENT_RESULTS".equals(item.get("category"))).toList();
    }

    private static String title(JsonNode message) {
        return message.path("notification").path("title").asString();
    }

    private static String body(JsonNode message) {
        return message.path("notification").path("body").asString();
    }
}
