package dev.keel.app.order;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.Concurrently;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits that must hold when many orders arrive at once, through HTTP: they run on several
 * committer threads, in several transactions, and only the rows they share decide.
 */
class CommerceConcurrencyIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;

    @Test
    void fiftyOrdersForTheLastTenItemsPlaceExactlyTenAndTheRestHearWhichProductRanOut() {
        String lamp = commerce.product("Last ten lamps", 1_000, 10L);
        Session customer = identity.newCustomer();

        var answers = Concurrently.run(50, i ->
                commerce.place(customer.accessToken(), UUID.randomUUID().toString(), orderOf(lamp, 1, null)));

        assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 201).hasSize(10);
        List<Map> refused = answers.stream().filter(answer -> answer.getStatus().value() != 201)
                .map(answer -> (Map) answer.getResponseBody()).toList();
        assertThat(refused).hasSize(40).allSatisfy(problem -> {
            assertThat(problem.get("type")).isEqualTo("/problems/out-of-stock");
            assertThat(problem.get("productId")).isEqualTo(lamp);
        });
        assertThat(commerce.reserved(lamp)).isEqualTo(10);
        assertThat(commerce.events("order.OrderPlaced", lamp)).isEqualTo(10);
    }

    @Test
    void aHundredOrdersWithATenUseCodeGiveExactlyTenDiscounts() {
        String mug = commerce.product("Promoted mug", 1_000, null);
        String code = CommerceFixtures.uniqueCode();
        String promotion = commerce.promotion(Map.of("code", code, "kind", "PERCENT", "value", 20, "totalLimit", 10));
        Session customer = identity.newCustomer();

        var answers = Concurrently.run(100, i ->
                commerce.place(customer.accessToken(), UUID.randomUUID().toString(), orderOf(mug, 1, code)));

        var placed = answers.stream().filter(answer -> answer.getStatus().value() == 201).toList();
        assertThat(placed).hasSize(10).allSatisfy(answer -> assertThat(answer.getResponseBody().get("totals"))
                .asString().contains("discount={amountMinor=200"));
        assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 409)
                .hasSize(90)
                .allSatisfy(answer -> assertThat(answer.getResponseBody().get("type"))
                        .isEqualTo("/problems/promotion-used-up"));
        assertThat(commerce.uses(promotion)).isEqualTo(10);
        assertThat(commerce.events("order.OrderPlaced", promotion)).isEqualTo(10);
    }

    @Test
    void aHundredPostsWithOneIdempotencyKeyMakeOneOrder() {
        String lamp = commerce.product("Retried lamp", 1_000, 1_000L);
        Session customer = identity.newCustomer();
        String key = UUID.randomUUID().toString();

        var answers = Concurrently.run(100, i -> commerce.place(customer.accessToken(), key, orderOf(lamp, 3, null)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().value()).isEqualTo(201));
        assertThat(answers).extracting(answer -> answer.getResponseBody().get("orderId")).containsOnly(
                answers.getFirst().getResponseBody().get("orderId"));
        assertThat(commerce.events("order.OrderPlaced", lamp)).isEqualTo(1);
        assertThat(commerce.reserved(lamp)).isEqualTo(3);
    }
}
