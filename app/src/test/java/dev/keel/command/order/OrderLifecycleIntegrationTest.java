package dev.keel.command.order;

import dev.keel.api.order.OrderId;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order's life through HTTP, and every order command as another customer. In this package
 * because payment is an internal command with no endpoint (the payment process sends it).
 */
class OrderLifecycleIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    CommandGateway gateway;

    private Session customer;
    private String lamp;

    @BeforeEach
    void placeable() {
        customer = identity.newCustomer();
        lamp = commerce.product("Lifecycle lamp", 1_000, 10L);
    }

    @Test
    void theCustomerCancelsTheirOrderAndTheStockIsAvailableAgain() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 4, null));

        post(order, "cancellation", customer.accessToken(), "\"0\"")
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.orderId").isEqualTo(order)
                .jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.version").isEqualTo(1);

        assertThat(commerce.reserved(lamp)).isZero();
        commerce.placed(customer.accessToken(), orderOf(lamp, 10, null));
    }

    @Test
    void cancellingGivesThePromotionUseBackForTheNextOrder() {
        String code = CommerceFixtures.uniqueCode();
        String promotion = commerce.promotion(Map.of("code", code, "kind", "PERCENT", "value", 10, "totalLimit", 1));
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, code));
        Session next = identity.newCustomer();
        assertThat(commerce.place(next.accessToken(), UUID.randomUUID().toString(), orderOf(lamp, 1, code))
                .getResponseBody().get("type")).isEqualTo("/problems/promotion-used-up");

        post(order, "cancellation", customer.accessToken(), null).expectStatus().isOk();

        assertThat(commerce.uses(promotion)).isZero();
        commerce.placed(next.accessToken(), orderOf(lamp, 1, code));
        assertThat(commerce.uses(promotion)).isEqualTo(1);
    }

    @Test
    void aPaidOrderGoesThroughFulfilmentWhereItsGoodsLeaveStockToDelivery() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 3, null));
        gateway.sendAndWait(new MarkOrderPaid(OrderId.of(order), "test-payment"));

        post(order, "fulfilment", tokens.staff(), "\"1\"").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("IN_FULFILMENT").jsonPath("$.version").isEqualTo(2);
        assertThat(commerce.stock(lamp)).isEqualTo(7L);
        assertThat(commerce.reserved(lamp)).isZero();

        post(order, "cancellation", customer.accessToken(), null).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/order-status-conflict")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.orderStatus").isEqualTo("IN_FULFILMENT");

        post(order, "delivery", tokens.staff(), "\"2\"").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DELIVERED").jsonPath("$.version").isEqualTo(3);
    }

    @Test
    void staffCancelInFulfilmentGivesNoStockBack() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 3, null));
        gateway.sendAndWait(new MarkOrderPaid(OrderId.of(order), "test-payment"));
        post(order, "fulfilment", tokens.staff(), null).expectStatus().isOk();

        post(order, "cancellation", tokens.staff(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(commerce.stock(lamp)).isEqualTo(7L);
        assertThat(commerce.reserved(lamp)).isZero();
    }

    @Test
    void aStaleIfMatchIsAConflictWithTheCurrentVersion() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        gateway.sendAndWait(new MarkOrderPaid(OrderId.of(order), "test-payment"));

        post(order, "cancellation", customer.accessToken(), "\"0\"").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-conflict")
                .jsonPath("$.currentVersion").isEqualTo(1);
        assertThat(commerce.reserved(lamp)).isEqualTo(1);
    }

    @Test
    void anotherCustomerCanChangeNoneOfMyOrdersNorLearnTheyExist() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 2, null));
        Session other = identity.newCustomer();

        Map<?, ?> mine = post(order, "cancellation", other.accessToken(), "\"0\"").expectStatus().isNotFound()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> nobodys = post(UUID.randomUUID().toString(), "cancellation", other.accessToken(), "\"0\"")
                .expectStatus().isNotFound().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(mine.get("type")).isEqualTo("/problems/not-found").isEqualTo(nobodys.get("type"));
        assertThat(mine.get("detail")).isEqualTo("Nothing exists with id " + order);
        assertThat(nobodys.get("detail").toString()).startsWith("Nothing exists with id ");

        post(order, "fulfilment", other.accessToken(), null).expectStatus().isForbidden();
        post(order, "delivery", other.accessToken(), null).expectStatus().isForbidden();
        assertThat(commerce.reserved(lamp)).isEqualTo(2);
        post(order, "cancellation", customer.accessToken(), "\"0\"").expectStatus().isOk();
    }

    @Test
    void aCustomerCannotMoveTheirOwnOrderAlongAsStaffWould() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        gateway.sendAndWait(new MarkOrderPaid(OrderId.of(order), "test-payment"));
        post(order, "fulfilment", customer.accessToken(), null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");
        assertThat(commerce.stock(lamp)).isEqualTo(10L);
    }

    @Test
    void fulfillingAnUnpaidOrderIsRefusedNamingItsStatus() {
        String order = commerce.placed(customer.accessToken(), orderOf(lamp, 1, null));
        post(order, "fulfilment", tokens.staff(), null).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/order-status-conflict")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.orderStatus").isEqualTo("PLACED");
    }

    @Test
    void theApiDocumentShowsEachOrderCommandWithItsOwnParametersOnly() {
        for (String what : List.of("cancellation", "fulfilment", "delivery")) {
            web.get().uri("/v3/api-docs").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.paths['/v1/orders/{orderId}/" + what + "'].post.parameters[*].name")
                    .value(names -> assertThat(names).asInstanceOf(InstanceOfAssertFactories.LIST)
                            .containsExactlyInAnyOrder("orderId", "Idempotency-Key", "If-Match",
                                    // every command takes these (docs/api-contract.md)
                                    "X-Device-Id", "X-Correlation-Id"));
        }
    }

    private WebTestClient.ResponseSpec post(String order, String what, String token, String ifMatch) {
        return web.post().uri("/v1/orders/{id}/" + what, order)
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set("If-Match", ifMatch);
                    }
                })
                .exchange();
    }
}
