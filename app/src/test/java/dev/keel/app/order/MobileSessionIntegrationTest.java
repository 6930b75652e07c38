package dev.keel.app.order;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.FcmStandIn;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.PushFixtures;
import dev.keel.testing.SseClient;
import dev.keel.testing.SseClient.Event;
import dev.keel.testing.Storefront;
import dev.keel.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.keel.app.order.OrderStreamIntegrationTest.data;
import static dev.keel.app.order.OrderStreamIntegrationTest.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10's "done when": a shopping app's session, through HTTP only. The shop (STAFF) stocks two
 * products and a code; the customer registers, verifies, logs in, searches with facets, quotes,
 * orders with the code and watches it on the stream, loses the connection while another order is
 * placed from a second device, resumes with Last-Event-ID, cancels, goes offline while the shop
 * changes a price and the other order is cancelled, and catches up with sync. Issue 13's: the phone
 * registered for push pays a third order, declined first and then approved, the shop ships it, the
 * receipt is there, and every status change and payment result reached the phone through the FCM
 * stand-in and is in its inbox.
 */
class MobileSessionIntegrationTest extends KeelIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void aShoppingSessionFromSignUpToOfflineSync() {
        String word = "ms" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String category = "Camping " + word;
        String lantern = product("Lantern " + word, 2_500, category, 5);
        String stove = product("Stove " + word, 6_000, category, 3);
        product("Tarp " + word, 1_500, "Shelter " + word, 10);
        String code = ("SAVE" + word).toUpperCase();
        staff().post().uri("/v1/promotions").header("Idempotency-Key", key())
                .bodyValue(Map.of("code", code, "kind", "PERCENT", "value", 10, "totalLimit", 100))
                .exchange().expectStatus().isCreated();

        // Sign up, verify the mailed link, log in on the phone and on a tablet.
        String email = IdentityFixtures.uniqueEmail();
        post("/v1/accounts", null, Map.of("email", email, "password", IdentityFixtures.PASSWORD, "displayName", "Ada"))
                .expectStatus().isCreated();
        // Opening the mailed link with the password proves the address and signs the phone in.
        String phone = (String) post("/v1/accounts/email-verification", null,
                Map.of("token", TestMail.awaitToken(email, "/verify-email", 1), "password", IdentityFixtures.PASSWORD,
                        "deviceId", IdentityFixtures.newDevice()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
        String tablet = login(email);

        // The phone registers for push; the registry lists it before anything happens worth a push.
        String fcmToken = PushFixtures.token();
        web.put().uri("/v1/me/devices/{id}", "phone-" + word).headers(h -> h.setBearerAuth(phone))
                .header("Idempotency-Key", key())
                .bodyValue(Map.of("fcmToken", fcmToken, "platform", "IOS", "locale", "en-GB"))
                .exchange().expectStatus().isNoContent();
        await().atMost(WAIT).until(() -> get("/v1/me", phone), me -> ((List<?>) me.get("devices")).size() == 1);

        // Search: words, facets, then refine by the category the facets offer.
        Map<?, ?> found = await().atMost(WAIT).until(() -> get("/v1/products?q=" + word, null),
                page -> ((Number) page.get("total")).intValue() == 3);
        assertThat((List<Object>) ((Map<?, ?>) found.get("facets")).get("categories"))
                .contains(Map.of("category", category, "count", 2));
        Map<?, ?> refined = get("/v1/products?q={q}&category={category}&sort=price", null, word, category);
        assertThat(ids(refined, "productId")).containsExactly(lantern, stove);

        // Quote the basket with the code, then place it; watch it arrive on the stream.
        Map<String, Object> basket = Storefront.order(Map.of(lantern, 2, stove, 1), code.toLowerCase());
        Map<?, ?> quote = post("/v1/orders/quote", phone, basket).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        // 2 × 25.00 + 60.00 = 110.00; 10% off = 11.00; 19% tax on 99.00 = 18.81
        assertThat(((Map<?, ?>) quote.get("totals")).get("total")).isEqualTo(Map.of("amountMinor", 11_781, "currency", "EUR"));

        String first;
        String lastEventId;
        try (SseClient stream = stream(phone, null)) {
            Map<?, ?> placed = post("/v1/orders", phone, basket).expectStatus().isCreated()
                    .expectHeader().valueEquals("ETag", "\"0\"")
                    .expectBody(Map.class).returnResult().getResponseBody();
            first = (String) placed.get("orderId");
            assertThat(placed.get("totals")).isEqualTo(quote.get("totals"));
            Event event = next(stream, 1).getFirst();
            assertThat(event.event()).isEqualTo("OrderPlaced");
            assertThat(data(event)).containsEntry("orderId", first).containsEntry("status", "PLACED");
            lastEventId = event.id();
        }

        // While the phone is disconnected, another order is placed from the tablet.
        String second = (String) post("/v1/orders", tablet, Storefront.order(Map.of(lantern, 1), null))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("orderId");

        try (SseClient resumed = stream(phone, lastEventId)) {
            Event missed = next(resumed, 1).getFirst();
            assertThat(missed.event()).isEqualTo("OrderPlaced");
            assertThat(data(missed)).containsEntry("orderId", second);

            post("/v1/orders/" + first + "/cancellation", phone, null).expectStatus().isOk();
            Event cancelled = next(resumed, 1).getFirst();
            assertThat(cancelled.event()).isEqualTo("OrderCancelled");
            assertThat(data(cancelled)).containsEntry("orderId", first).containsEntry("status", "CANCELLED")
                    .containsEntry("version", 1);
            lastEventId = cancelled.id();
        }

        // Offline: the shop reprices the stove, the tablet cancels its order. Then the phone syncs.
        staff().put().uri("/v1/products/{id}/price", stove).header("Idempotency-Key", key())
                .bodyValue(Map.of("amountMinor", 5_500, "currency", "EUR")).exchange().expectStatus().isOk();
        post("/v1/orders/" + second + "/cancellation", tablet, null).expectStatus().isOk();

        String since = lastEventId;
        Map<?, ?> synced = await().atMost(WAIT).until(() -> get("/v1/sync?since=" + since, phone),
                page -> ids(page, "orders", "orderId").contains(second) && ids(page, "products", "productId").contains(stove));
        assertThat(ids(synced, "orders", "orderId")).containsExactly(second);
        assertThat(((List<?>) synced.get("products")).stream().map(p -> (Map<?, ?>) p)
                .filter(p -> stove.equals(p.get("productId"))).findFirst().orElseThrow().get("price"))
                .isEqualTo(Map.of("amountMinor", 5_500, "currency", "EUR"));
        assertThat(get("/v1/sync?since=" + synced.get("position"), phone).get("orders")).isEqualTo(List.of());

        // Both orders as the phone now reads them; an unchanged one costs a 304.
        Map<?, ?> mine = get("/v1/orders", phone);
        assertThat(ids(mine, "orderId")).containsExactly(second, first);
        web.get().uri("/v1/orders/{id}", first).headers(h -> h.setBearerAuth(phone)).header("If-None-Match", "\"1\"")
                .exchange().expectStatus().isNotModified();
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/v1/products/" + lantern, null).get("available"))
                .isEqualTo(5));

        // Pay a third order: the first card is declined, the second approves (the retry of it is one attempt).
        String third = (String) post("/v1/orders", phone, Storefront.order(Map.of(lantern, 1), null))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("orderId");
        pay(third, phone, key(), "tok_decline").expectBody().jsonPath("$.attempt").isEqualTo(1);
        await().atMost(WAIT).until(() -> pushesTo(fcmToken).getOrDefault(third, List.of()).contains("payment.DECLINED"));
        String payment = key();
        pay(third, phone, payment, "tok_approve").expectBody().jsonPath("$.attempt").isEqualTo(2);
        pay(third, phone, payment, "tok_approve").expectBody().jsonPath("$.attempt").isEqualTo(2);
        await().atMost(WAIT).until(() -> "PAID".equals(get("/v1/orders/" + third, phone).get("status")));

        // The shop ships it, which takes the money; the receipt is there for the phone.
        staff().post().uri("/v1/orders/{id}/fulfilment", third).header("Idempotency-Key", key())
                .exchange().expectStatus().isOk();
        Map<?, ?> receipt = await().atMost(WAIT).until(() -> web.get().uri("/v1/orders/{id}/receipt", third)
                .headers(h -> h.setBearerAuth(phone)).exchange().expectBody(Map.class).returnResult().getResponseBody(),
                body -> body.get("receiptNumber") != null);
        assertThat(receipt.get("amountPaid")).isEqualTo(Map.of("amountMinor", 2_975, "currency", "EUR"));

        // Every status change and payment result reached the phone at FCM, once, in order per order.
        Map<String, List<String>> pushed = await().atMost(WAIT).until(() -> pushesTo(fcmToken), all -> Map.of(
                first, 2, second, 2, third, 5).entrySet().stream()
                .allMatch(order -> all.getOrDefault(order.getKey(), List.of()).size() >= order.getValue()));
        assertThat(pushed).containsOnlyKeys(first, second, third);
        assertThat(pushed.get(first)).containsExactly("order.PLACED", "order.CANCELLED");
        assertThat(pushed.get(second)).containsExactly("order.PLACED", "order.CANCELLED");
        assertThat(pushed.get(third)).containsExactly("order.PLACED", "payment.DECLINED", "order.PAID",
                "order.IN_FULFILMENT", "payment.CAPTURED");
        Map<String, String> captured = FcmStandIn.shared().acceptedFor(fcmToken).stream()
                .map(sent -> sent.body().path("message"))
                .filter(message -> "CAPTURED".equals(message.path("data").path("result").asString()))
                .map(message -> Map.of("receiptNumber", message.path("data").path("receiptNumber").asString(),
                        "body", message.path("notification").path("body").asString()))
                .findFirst().orElseThrow();
        assertThat(captured.get("receiptNumber")).isEqualTo(receipt.get("receiptNumber"));
        assertThat(captured.get("body")).contains("€29.75");

        // The inbox has them too, newest first.
        List<String> inbox = await().atMost(WAIT).until(() -> ((List<?>) get("/v1/me/notifications?size=100", phone)
                .get("items")).stream().map(item -> (Map<?, ?>) item).filter(item -> third.equals(item.get("subjectId")))
                .map(item -> (String) item.get("kind")).toList(), items -> items.size() == 5);
        assertThat(inbox).containsExactly("payment.CAPTURED",
                "order.IN_FULFILMENT", "order.PAID", "payment.DECLINED", "order.PLACED");
    }

    private WebTestClient.ResponseSpec pay(String orderId, String accessToken, String key, String paymentMethodToken) {
        return web.post().uri("/v1/orders/{id}/payments", orderId).headers(h -> h.setBearerAuth(accessToken))
                .header("Idempotency-Key", key).bodyValue(Map.of("paymentMethodToken", paymentMethodToken))
                .exchange().expectStatus().isAccepted();
    }

    /** What the FCM stand-in accepted for this token, per order: {@code order.<status>}, {@code payment.<result>}. */
    private static Map<String, List<String>> pushesTo(String fcmToken) {
        return FcmStandIn.shared().acceptedFor(fcmToken).stream()
                .map(sent -> sent.body().path("message").path("data"))
                .collect(Collectors.groupingBy(data -> data.path("orderId").asString(), LinkedHashMap::new,
                        Collectors.mapping(data -> data.has("result")
                                ? "payment." + data.path("result").asString()
                                : "order." + data.path("status").asString(), Collectors.toList())));
    }

    private String product(String name, long price, String category, long stock) {
        Map<String, Object> request = new HashMap<>(CatalogFixtures.productRequest(CatalogFixtures.uniqueSku(), name,
                price, "EUR"));
        request.put("category", category);
        request.put("stock", stock);
        return (String) staff().post().uri("/v1/products").header("Idempotency-Key", key()).bodyValue(request)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("productId");
    }

    private String login(String email) {
        return (String) post("/v1/sessions", null, Map.of("email", email, "password", IdentityFixtures.PASSWORD,
                "deviceId", IdentityFixtures.newDevice()))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
    }

    private WebTestClient staff() {
        String staff = tokens.staff();
        return web.mutate().defaultHeaders(h -> h.setBearerAuth(staff)).build();
    }

    private WebTestClient.ResponseSpec post(String path, String accessToken, Object body) {
        var request = web.post().uri(path).headers(h -> {
            if (accessToken != null) {
                h.setBearerAuth(accessToken);
            }
        }).header("Idempotency-Key", key());
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    private Map<?, ?> get(String path, String accessToken, Object... variables) {
        return web.get().uri(path, variables).headers(h -> {
                    if (accessToken != null) {
                        h.setBearerAuth(accessToken);
                    }
                }).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private SseClient stream(String accessToken, String lastEventId) {
        return SseClient.connect("http://localhost:" + port + "/v1/orders/stream", accessToken, lastEventId);
    }

    private static List<String> ids(Map<?, ?> page, String field) {
        return ids(page, "items", field);
    }

    private static List<String> ids(Map<?, ?> page, String list, String field) {
        return ((List<?>) page.get(list)).stream().map(item -> (String) ((Map<?, ?>) item).get(field)).toList();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
