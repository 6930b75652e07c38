package dev.keel.app.axon;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.command.order.PaymentStandIn;
import dev.keel.command.payment.PaymentGateway;
import dev.keel.testing.DeadLetterProbe;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Processors;
import dev.keel.testing.ReadModels;
import dev.keel.testing.ReplayProbe;
import dev.keel.testing.Storefront;
import dev.keel.testing.TestMail;
import dev.keel.testing.TransactionProbe;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery is at least once: a node that dies after writing a batch but before committing its token
 * gets the same events again. Each processing group is moved back to a plain earlier position (not
 * a replay, so its handlers cannot tell) and must leave its read model exactly as it was, and send
 * no mail twice.
 */
class RedeliveryIntegrationTest extends KeelIntegrationTest {

    private static final List<String> COVERED = List.of(
            "product-table", "product-search-v2", "order-table", "account-table", "session-table", "account-mail",
            "payment-process", "receipt-table", "receipt-mail", "order-analytics");
    /** Groups whose redelivery test lives beside the rest of their tests, named here. */
    private static final Map<String, String> COVERED_ELSEWHERE = Map.of(
            "audit-trail", "AuditTrailIntegrationTest.aRedeliveredEventIsLinkedOnce",
            "push-registry", "PushRedeliveryIntegrationTest.theRegistryIsUnchangedByEventsItSeesAgain",
            "notification-inbox", "PushRedeliveryIntegrationTest.theInboxIsUnchangedByEventsItSeesAgain",
            "push", "PushRedeliveryIntegrationTest.noPushIsSentTwiceForAnEventSeenAgain");

    @Autowired
    Processors processors;
    @Autowired
    ReadModels readModels;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Storefront shop;
    @Autowired
    CommandGateway gateway;
    @Autowired
    PaymentGateway paymentGateway;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyProcessingGroupIsCoveredHere() {
        assertThat(processing.eventProcessors().keySet())
                .as("a new processing group needs a redelivery test here")
                .containsExactlyInAnyOrderElementsOf(Stream.of(COVERED.stream(), COVERED_ELSEWHERE.keySet().stream(),
                        Stream.of(TransactionProbe.GROUP, DeadLetterProbe.GROUP, ReplayProbe.GROUP)).flatMap(groups -> groups).toList());
    }

    @Test
    void theProductTablesAreUnchangedByEventsTheySeeAgain() {
        Catalog catalog = catalogWithHistory();
        // 2 products, 2 stock levels, 9 product events in the catalog change log
        assertUnchangedByRedelivery("product-table", catalog.aggregates(), 13, () -> Stream.concat(
                readModels.productRows(catalog.products()).stream(),
                readModels.productStockAndChangeRows(catalog.products()).stream()).toList());
    }

    @Test
    void theSearchIndexIsUnchangedByEventsItSeesAgain() {
        Catalog catalog = catalogWithHistory();
        assertUnchangedByRedelivery("product-search-v2", catalog.aggregates(), 2,
                () -> readModels.searchDocuments(catalog.products()));
    }

    @Test
    void theOrderTableAndItsChangeLogAreUnchangedByEventsTheySeeAgain() {
        Session customer = identity.newCustomer();
        String product = shop.product("Redelivered order lamp", 1_000, null, 50L);
        String cancelled = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        shop.cancel(customer.accessToken(), cancelled);
        String delivered = (String) shop.place(customer.accessToken(), product, 2).get("orderId");
        PaymentStandIn.pay(gateway, delivered);
        staffMoves(delivered, "fulfilment");
        staffMoves(delivered, "delivery");
        List<String> orders = List.of(cancelled, delivered);
        // 2 orders, and 2 + 4 changes in the log
        assertUnchangedByRedelivery("order-table", orders, 8, () -> readModels.orderRows(orders));
    }

    @Test
    void theOrderAnalyticsIndexIsUnchangedByEventsItSeesAgain() {
        Session customer = identity.newCustomer();
        String product = shop.product("Redelivered analytics lamp", 1_500, "Lamps", 50L);
        String cancelled = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        shop.cancel(customer.accessToken(), cancelled);
        String delivered = (String) shop.place(customer.accessToken(), product, 3).get("orderId");
        PaymentStandIn.pay(gateway, delivered);
        staffMoves(delivered, "fulfilment");
        staffMoves(delivered, "delivery");
        List<String> orders = List.of(cancelled, delivered);
        // one line each, with the times and status of every step
        assertUnchangedByRedelivery("order-analytics", orders, 2, () -> readModels.orderLineDocuments(orders));
    }

    @Test
    void theAccountTableIsUnchangedByEventsItSeesAgain() {
        String account = accountWithHistory(uniqueEmail());
        assertUnchangedByRedelivery("account-table", List.of(account), 1, () -> readModels.accountRows(List.of(account)));
    }

    @Test
    void theSessionTableIsUnchangedByEventsItSeesAgain() {
        String account = accountWithHistory(uniqueEmail());
        assertUnchangedByRedelivery("session-table", List.of(account), 2, () -> readModels.sessionRows(List.of(account)));
    }

    @Test
    void noMailIsSentTwiceForAnEventSeenAgain() {
        String email = uniqueEmail();
        String account = accountWithHistory(email);
        assertUnchangedByRedelivery("account-mail", List.of(account), 2, () -> subjects(TestMail.to(email)));
    }

    /**
     * A paid, captured and partly refunded order: seen again, the payment process calls the gateway
     * under the same keys (one payment, one capture, one refund there) and the order takes no step
     * twice; the receipt is written and mailed once.
     */
    @Test
    void noPaymentStepReceiptOrReceiptMailHappensTwiceForEventsSeenAgain() {
        String email = uniqueEmail();
        Session customer = identity.registerVerified(email, PASSWORD, "Paying Twice", newDevice());
        String product = shop.product("Redelivered payment lamp", 1_000, null, null);
        String order = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
        web.post().uri("/v1/orders/{id}/payments", order).headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("paymentMethodToken", "tok_approve")).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> orderEvents(order).contains("OrderPaid"));
        staffMoves(order, "fulfilment");
        await().atMost(Duration.ofSeconds(30)).until(() -> orderEvents(order).contains("PaymentCaptured"));
        web.post().uri("/v1/orders/{id}/refunds", order).headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("amountMinor", 100)).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> orderEvents(order).contains("PaymentRefunded"));
        String authorization = "keel-" + order + "-authorize-1";

        // placed, requested, paid, fulfilment, captured, refund requested, refunded; and the gateway's payment
        assertUnchangedByRedelivery("payment-process", List.of(order), 8, () -> Stream.concat(
                orderEvents(order).stream(), Stream.of(paymentGateway.find(authorization).orElseThrow())).toList());
        assertUnchangedByRedelivery("receipt-table", List.of(order), 1, () -> jdbc
                .sql("SELECT receipt_number, issued_at FROM receipt WHERE order_id = ?::uuid").param(order)
                .query().listOfRows());
        assertUnchangedByRedelivery("receipt-mail", List.of(order), 1, () -> subjects(TestMail.to(email)).stream()
                .filter(subject -> subject.startsWith("Your receipt")).toList());
    }

    private List<String> orderEvents(String order) {
        return jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?
                        ORDER BY sequence_number""").param(order)
                .query(String.class).list().stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private void assertUnchangedByRedelivery(String group, List<String> aggregates, int entries,
                                             Supplier<List<?>> readModel) {
        List<Long> positions = processors.positionsOf(aggregates);
        processors.awaitHandled(group, positions);
        List<?> before = readModel.get();
        assertThat(before).as("what the events made of the read model").hasSize(entries);

        processors.redeliverFrom(group, positions.getFirst());
        processors.awaitHandled(group, positions);

        assertThat(readModel.get()).isEqualTo(before);
    }

    private record Catalog(List<String> products, List<String> orders) {
        List<String> aggregates() {
            return Stream.concat(products.stream(), orders.stream()).toList();
        }
    }

    /**
     * Two products with an event of every kind the catalog projections handle, and an order of both
     * that was placed and cancelled (stock levels from order events).
     */
    private Catalog catalogWithHistory() {
        String first = shop.product("Redelivered kettle", 4_000, "Kettles", 10L);
        String second = shop.product("Redelivered teapot", 2_500, null, null);
        catalog.reprice(first, 0, 3_500);
        catalog.reprice(first, 1, 3_000);
        catalog.reprice(second, 0, 2_000);
        shop.changeCategory(first, "Kitchen");
        shop.changeImages(first, List.of("https://images.example/kettle.jpg"));
        shop.adjustStock(first, 5);
        Session customer = identity.newCustomer();
        String order = (String) shop.place(customer.accessToken(),
                Storefront.order(Map.of(first, 2, second, 1), null)).get("orderId");
        shop.cancel(customer.accessToken(), order);
        shop.archive(second);
        return new Catalog(List.of(first, second), List.of(order));
    }

    private void staffMoves(String order, String change) {
        web.post().uri("/v1/orders/{id}/" + change, order).headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange()
                .expectStatus().isOk();
    }

    /**
     * An account with an event of every kind the account projections handle: registered (and mailed),
     * verified, renamed, granted a role, two sessions of which one refreshed and one ended, a reset mailed.
     */
    private String accountWithHistory(String email) {
        Session phone = identity.registerVerified(email, PASSWORD, "Delivered Once", newDevice());
        String accountId = phone.accountId();
        web.patch().uri("/v1/me").headers(h -> h.setBearerAuth(tokens.forUser(accountId, "CUSTOMER")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("displayName", "Delivered Twice")).exchange()
                .expectStatus().isNoContent();
        web.put().uri("/v1/accounts/{id}/roles/ANALYST", accountId).headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange()
                .expectStatus().isNoContent();
        Session tablet = identity.login(email, PASSWORD, newDevice());
        identity.refresh(phone);
        web.delete().uri("/v1/me/sessions/current").headers(h -> h.setBearerAuth(tablet.accessToken())).exchange()
                .expectStatus().isNoContent();
        post("/v1/password-resets", Map.of("email", email)).expectStatus().isAccepted();
        TestMail.awaitToken(email, "/reset-password", 1);
        return accountId;
    }


    private WebTestClient.ResponseSpec post(String path, Object body) {
        return web.post().uri(path).header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(body).exchange();
    }

    private static List<String> subjects(List<MimeMessage> mails) {
        return mails.stream().map(mail -> {
            try {
                return mail.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
