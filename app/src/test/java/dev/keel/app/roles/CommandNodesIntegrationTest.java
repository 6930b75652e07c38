package dev.keel.app.roles;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.MasterKey;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.Concurrently;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.NodeInAnotherJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command nodes on one PostgreSQL, as issue 15 ran them: this JVM (every role, aggregates cached and
 * checked against the store, the default) and a command node in a second JVM started once for the class.
 * The second node trusts its cache ({@code keel.aggregates.cache=trusted}), so its stale state reaches
 * the append and the duplicate key there, deterministically: what the server-side retry must turn into
 * a right answer. Every answer is a 2xx or a 409 naming the version the store holds, never a 500.
 */
class CommandNodesIntegrationTest extends KeelIntegrationTest {

    private static NodeInAnotherJvm otherNode;

    @Autowired
    Environment environment;
    @Autowired
    JWKSet signingKeys;
    @Autowired
    MasterKey masterKey;
    @Autowired
    JdbcClient jdbc;

    private WebTestClient a;
    private WebTestClient b;
    private String staff;

    /** Started by the first test (this class's context, and so its static set-up, is ready by then). */
    @BeforeEach
    void startTheOtherCommandNodeOnce() {
        if (otherNode == null) {
            otherNode = NodeInAnotherJvm.start("command", environment, signingKeys, masterKey,
                    "--keel.aggregates.cache=trusted");
        }
        a = web;
        b = WebTestClient.bindToServer().baseUrl(otherNode.baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
        staff = tokens.staff();
    }

    @AfterAll
    static void stopTheOtherCommandNode() {
        if (otherNode != null) {
            otherNode.close();
            otherNode = null;
        }
    }

    @Test
    void alternatingChangesWithIfMatchGetRightAnswersFromBothNodesWhateverTheirCaches() {
        String productId = catalog.createProduct("Two-node lamp", 1_000);

        assertChanged(reprice(a, productId, "\"0\"", 1_001), 1);
        assertChanged(reprice(b, productId, "\"1\"", 1_002), 2);
        // A cached version 1 and B cached 2: each must see the other's change
        assertChanged(reprice(a, productId, "\"2\"", 1_003), 3);
        assertChanged(reprice(b, productId, "*", 1_004), 4);
        assertChanged(reprice(b, productId, "\"4\"", 1_005), 5);
        assertConflict(reprice(a, productId, "\"4\"", 1_006), 5);
        assertConflict(reprice(b, productId, "\"3\"", 1_007), 5);
        assertChanged(reprice(a, productId, null, 1_008), 6);

        assertThat(storedVersion(productId)).isEqualTo(6);
        catalog.awaitProductVersion(productId, 6);
        web.get().uri("/v1/products/{id}", productId).exchange()
                .expectBody().jsonPath("$.price.amountMinor").isEqualTo(1_008);
    }

    /**
     * Setting the price a product already has changes nothing: decided on a stale copy, this node would
     * answer 200 at its old version and leave the other node's price in place, with no conflict to catch it.
     */
    @Test
    void aChangeIsDecidedOnTheOtherNodesLatestStateNotOnTheCachedOne() {
        String productId = catalog.createProduct("Repriced back", 7_000);
        assertChanged(reprice(a, productId, null, 7_100), 1);
        assertChanged(reprice(b, productId, null, 7_200), 2);

        assertChanged(reprice(a, productId, null, 7_100), 3);

        assertThat(storedVersion(productId)).isEqualTo(3);
        catalog.awaitProductVersion(productId, 3);
        web.get().uri("/v1/products/{id}", productId).exchange()
                .expectBody().jsonPath("$.price.amountMinor").isEqualTo(7_100);
    }

    @Test
    void concurrentChangesWithoutIfMatchFromBothNodesAllApplyOnce() {
        String productId = catalog.createProduct("Contended on two nodes", 2_000);
        int writers = 8;

        List<EntityExchangeResult<Map>> answers = Concurrently.run(writers, writer ->
                reprice(writer % 2 == 0 ? a : b, productId, null, 3_000 + writer));

        assertNoServerErrors(answers);
        long succeeded = answers.stream().filter(answer -> answer.getStatus().value() == 200).count();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().value()).isIn(200, 409));
        assertThat(succeeded).as("retried on the server until applied").isGreaterThan(0);
        assertThat(answers.stream().filter(answer -> answer.getStatus().value() == 200)
                .map(answer -> ((Number) answer.getResponseBody().get("version")).longValue()))
                .as("each success its own version").doesNotHaveDuplicates();
        assertThat(storedVersion(productId)).isEqualTo(succeeded);
    }

    @Test
    void concurrentChangesWithTheSameIfMatchFromBothNodesLetExactlyOneWin() {
        String productId = catalog.createProduct("Raced on two nodes", 4_000);
        for (long round = 0; round < 6; round++) {
            long from = round;
            // a new price for every request: setting the price a product already has changes nothing and succeeds
            List<EntityExchangeResult<Map>> answers = Concurrently.run(4, writer ->
                    reprice(writer % 2 == 0 ? a : b, productId, "\"" + from + "\"", 5_000 + 10 * from + writer));

            assertNoServerErrors(answers);
            assertThat(answers).extracting(answer -> answer.getStatus().value())
                    .as("round %d: %s", round, answers.stream().map(EntityExchangeResult::getResponseBody).toList())
                    .containsOnlyOnce(200).containsOnly(200, 409);
            answers.stream().filter(answer -> answer.getStatus().value() == 409)
                    .forEach(lost -> assertConflict(lost, from + 1));
            assertThat(storedVersion(productId)).isEqualTo(round + 1);
        }
    }

    @Test
    void oneSkuRacedOnBothNodesIsTakenOnce() {
        String sku = CatalogFixtures.uniqueSku();

        List<EntityExchangeResult<Map>> answers = Concurrently.run(2, writer -> (writer == 0 ? a : b).post()
                .uri("/v1/products")
                .headers(h -> h.setBearerAuth(staff))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(CatalogFixtures.productRequest(sku, "Raced SKU " + writer, 900, "EUR"))
                .exchange().expectBody(Map.class).returnResult());

        assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).extracting(answer -> answer.getResponseBody().get("type")).contains("/problems/sku-already-in-use");
        assertThat(catalog.eventsNaming(sku)).as("one product created").isEqualTo(1);
    }

    @Test
    void oneEmailRacedOnBothNodesRegistersOnce() {
        String email = IdentityFixtures.uniqueEmail();

        List<EntityExchangeResult<Map>> answers = Concurrently.run(2, writer -> (writer == 0 ? a : b).post()
                .uri("/v1/accounts")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("email", email, "password", IdentityFixtures.PASSWORD, "displayName", "Racer " + writer))
                .exchange().expectBody(Map.class).returnResult());

        assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).extracting(answer -> answer.getResponseBody().get("type"))
                .contains("/problems/email-already-registered");
    }

    private EntityExchangeResult<Map> reprice(WebTestClient node, String productId, String ifMatch,
                                              long amountMinor) {
        return node.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> {
                    h.setBearerAuth(staff);
                    if (ifMatch != null) {
                        h.set("If-Match", ifMatch);
                    }
                })
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("amountMinor", amountMinor, "currency", "EUR"))
                .exchange()
                .expectBody(Map.class).returnResult();
    }

    private static void assertChanged(EntityExchangeResult<Map> answer, long version) {
        assertThat(answer.getStatus().value()).as("%s", answer.getResponseBody()).isEqualTo(200);
        assertThat(((Number) answer.getResponseBody().get("version")).longValue()).isEqualTo(version);
    }

    private static void assertConflict(EntityExchangeResult<Map> answer, long currentVersion) {
        assertThat(answer.getStatus().value()).as("%s", answer.getResponseBody()).isEqualTo(409);
        assertThat(answer.getResponseBody().get("type")).isEqualTo("/problems/version-conflict");
        assertThat(((Number) answer.getResponseBody().get("currentVersion")).longValue()).isEqualTo(currentVersion);
    }

    private static void assertNoServerErrors(List<EntityExchangeResult<Map>> answers) {
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().is5xxServerError())
                .as("%s", answer.getResponseBody()).isFalse());
    }

    private long storedVersion(String productId) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(productId).query(Long.class).single();
    }
}
