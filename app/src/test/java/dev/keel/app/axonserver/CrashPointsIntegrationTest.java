package dev.keel.app.axonserver;

import dev.keel.api.account.AccountRegistered;
import dev.keel.api.catalog.CreateProduct;
import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductPriceChanged;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.api.order.OrderPlaced;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.TestMail;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CommerceFixtures.orderOf;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash points of docs/axon-server.md ("Two stores"), each injected at the seams of the
 * {@code axonserver} profile: what the failure leaves, and that a retry with the same
 * {@code Idempotency-Key} ends consistent: one set of events, the claims held by the stored aggregate,
 * the PostgreSQL side complete.
 */
class CrashPointsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    AxonServerLink link;
    @Autowired
    CommandBus commandBus;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommerceFixtures commerce;

    /** One staff member sends every request of a test: a retry is the same caller's. */
    private String staff;

    @BeforeEach
    void emulateAxonServer() {
        staff = tokens.staff();
        link.emulate();
    }

    @AfterEach
    void backToTheDefault() {
        link.stopEmulating();
    }

    @Test
    void aFailureBeforeTheDataKeyLeavesNothingAndTheRetryRunsTheCommand() {
        String sku = uniqueSku();
        String key = UUID.randomUUID().toString();
        AtomicBoolean crashed = new AtomicBoolean();
        Registration crashOnce = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof CreateProduct create && create.sku().equals(sku)
                    && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("the node failed before handling " + sku);
            }
            return chain.proceed();
        });
        try {
            createProduct(key, sku).expectStatus().is5xxServerError();
        } finally {
            crashOnce.cancel();
        }
        assertThat(catalog.eventsNaming(sku)).as("no events").isZero();
        assertThat(idempotencyRecords(key)).as("no idempotency record").isZero();
        assertThat(skuClaims(sku)).as("no claim").isZero();

        String productId = createdId(createProduct(key, sku).expectStatus().isCreated());
        assertThat(catalog.eventsNaming(sku)).isEqualTo(1);
        assertThat(skuOwner(sku)).isEqualTo(productId);
    }

    @Test
    void aFailureBetweenTheDataKeyAndTheEventsLeavesAnUnusedKeyAndTheRetryRegistersOnce() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        OffsetDateTime since = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
        link.failNextAppendOf(payload -> payload instanceof AccountRegistered);

        register(key, email).expectStatus().isEqualTo(503).expectHeader().exists("Retry-After");
        assertThat(jdbc.sql("SELECT count(*) FROM personal_data_key WHERE created_at >= ?").param(since)
                .query(Long.class).single()).as("the data key, committed before the events").isEqualTo(1);
        assertThat(idempotencyRecords(key)).as("no idempotency record").isZero();

        String accountId = createdAccount(register(key, email).expectStatus().isCreated());
        assertThat(register(key, email).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("accountId")).as("a further retry answers the first result").isEqualTo(accountId);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .param(accountId).param(AccountRegistered.class.getName()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM unique_claim WHERE scope = 'account-email' AND owner_id = ?")
                .param(accountId).query(Long.class).single()).as("the email is held by the stored account").isEqualTo(1);
        assertThat(TestMail.awaitToken(email, "/verify-email", 1)).as("its personal data reads").isNotBlank();
    }

    @Test
    void aFailureBetweenTheEventsAndPostgresLeavesTheEventsAndTheClaimAndTheRetryStoresNothingAgain() {
        String sku = uniqueSku();
        String key = UUID.randomUUID().toString();
        link.failBatchAfterAppendOf(payload -> payload instanceof ProductCreated created && created.sku().equals(sku));

        createProduct(key, sku).expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "1");
        assertThat(catalog.eventsNaming(sku)).as("the events, stored apart").isEqualTo(1);
        assertThat(idempotencyRecords(key)).as("no idempotency record: the batch was lost").isZero();
        String storedId = jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?"
                        + " AND convert_from(payload, 'UTF8') LIKE ?")
                .param(ProductCreated.class.getName()).param("%\"" + sku + "\"%").query(String.class).single();
        assertThat(skuOwner(sku)).as("the claim, committed before the events").isEqualTo(storedId);
        createProduct(UUID.randomUUID().toString(), sku).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/sku-already-in-use");

        assertThat(createdId(createProduct(key, sku).expectStatus().isCreated())).isEqualTo(storedId);
        assertThat(catalog.eventsNaming(sku)).as("stored once").isEqualTo(1);
        assertThat(idempotencyRecords(key)).isEqualTo(1);
        assertThat(createdId(createProduct(key, sku).expectStatus().isCreated())).isEqualTo(storedId);
        catalog.awaitProductVersion(storedId, 0);
    }

    @Test
    void aChangeBetweenTheEventsAndPostgresIsRetriedOnTheStateBeforeIt() {
        String sku = uniqueSku();
        String productId = createdId(createProduct(UUID.randomUUID().toString(), sku).expectStatus().isCreated());
        String key = UUID.randomUUID().toString();
        link.failBatchAfterAppendOf(payload -> payload instanceof ProductPriceChanged changed
                && changed.productId().toString().equals(productId));

        changePrice(key, productId).expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "1");
        assertThat(priceChanges(productId)).as("the change, stored apart").isEqualTo(1);

        // If-Match 0 holds for the retry: it runs on the product as it was before its first attempt
        changePrice(key, productId).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        assertThat(priceChanges(productId)).as("stored once").isEqualTo(1);
        assertThat(idempotencyRecords(key)).isEqualTo(1);
        changePrice(key, productId).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        catalog.awaitProductVersion(productId, 1);
    }

    @Test
    void aRegistrationBetweenTheEventsAndPostgresKeepsItsEmailAndTheRetryCompletesIt() {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        link.failBatchAfterAppendOf(payload -> payload instanceof AccountRegistered);

        register(key, email).expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "1");
        assertThat(idempotencyRecords(key)).isZero();
        register(UUID.randomUUID().toString(), email).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/email-already-registered");

        String accountId = createdAccount(register(key, email).expectStatus().isCreated());
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .param(accountId).param(AccountRegistered.class.getName()).query(Long.class).single())
                .as("registered once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT owner_id FROM unique_claim WHERE scope = 'account-email' AND owner_id = ?")
                .param(accountId).query(String.class).list()).as("the email, held by the stored account").hasSize(1);
        // the credentials were lost with the batch and written by the retry: the mailed link signs in
        identity.verification(TestMail.awaitToken(email, "/verify-email", 1), PASSWORD, IdentityFixtures.newDevice())
                .expectStatus().isCreated();
    }

    @Test
    void aPlacementBetweenTheEventsAndPostgresIsCompletedByItsRetry() {
        Map<String, Object> product = new HashMap<>(productRequest(uniqueSku(), "Crash point lamp", 1_000, "EUR"));
        product.put("stock", 5);
        String lamp = catalog.createProduct(product);
        String code = CommerceFixtures.uniqueCode();
        String promotion = commerce.promotion(Map.of("code", code, "kind", "AMOUNT", "value", 100, "currency", "EUR",
                "totalLimit", 1));
        Session customer = identity.newCustomer();
        String key = UUID.randomUUID().toString();
        link.failBatchAfterAppendOf(payload -> payload instanceof OrderPlaced placed
                && placed.customerId().toString().equals(customer.accountId()));

        assertThat(commerce.place(customer.accessToken(), key, orderOf(lamp, 2, code)).getStatus().value())
                .as("the database went away: try again").isEqualTo(503);
        assertThat(commerce.events("order.OrderPlaced", lamp)).as("the order, stored apart").isEqualTo(1);
        assertThat(commerce.reserved(lamp)).as("its reservation, lost with the batch").isZero();
        assertThat(commerce.uses(promotion)).isZero();

        var retried = commerce.place(customer.accessToken(), key, orderOf(lamp, 2, code));
        assertThat(retried.getStatus().value()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?"
                        + " AND convert_from(payload, 'UTF8') LIKE ?")
                .param(OrderPlaced.class.getName()).param("%" + lamp + "%").query(String.class).single())
                .as("placed once, under the id the retry answers").isEqualTo(retried.getResponseBody().get("orderId"));
        assertThat(commerce.reserved(lamp)).isEqualTo(2);
        assertThat(commerce.uses(promotion)).isEqualTo(1);
    }

    @Test
    void aFailureAfterPostgresCommittedLeavesEverythingAndTheRetryAnswersTheFirstResult() {
        String sku = uniqueSku();
        String key = UUID.randomUUID().toString();
        String first = createdId(createProduct(key, sku).expectStatus().isCreated());
        // the answer was lost on the way back: the client sends the same request again

        assertThat(createdId(createProduct(key, sku).expectStatus().isCreated())).isEqualTo(first);
        assertThat(catalog.eventsNaming(sku)).isEqualTo(1);
        assertThat(idempotencyRecords(key)).isEqualTo(1);
        assertThat(skuOwner(sku)).isEqualTo(first);
    }

    private WebTestClient.ResponseSpec createProduct(String key, String sku) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(staff))
                .header("Idempotency-Key", key)
                .bodyValue(productRequest(sku, "Crash point", 100, "EUR"))
                .exchange();
    }

    private WebTestClient.ResponseSpec changePrice(String key, String productId) {
        return web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(staff))
                .header("Idempotency-Key", key)
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("amountMinor", 250, "currency", "EUR"))
                .exchange();
    }

    private long priceChanges(String productId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .param(productId).param(ProductPriceChanged.class.getName()).query(Long.class).single();
    }

    private WebTestClient.ResponseSpec register(String key, String email) {
        return web.post().uri("/v1/accounts")
                .header("Idempotency-Key", key)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Crash point"))
                .exchange();
    }

    private static String createdId(WebTestClient.ResponseSpec created) {
        return created.expectBody(Map.class).returnResult().getResponseBody().get("productId").toString();
    }

    private static String createdAccount(WebTestClient.ResponseSpec created) {
        return created.expectBody(Map.class).returnResult().getResponseBody().get("accountId").toString();
    }

    private long idempotencyRecords(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?").param(key)
                .query(Long.class).single();
    }

    private long skuClaims(String sku) {
        return jdbc.sql("SELECT count(*) FROM unique_claim WHERE scope = 'product-sku' AND value = ?").param(sku)
                .query(Long.class).single();
    }

    private String skuOwner(String sku) {
        return jdbc.sql("SELECT owner_id FROM unique_claim WHERE scope = 'product-sku' AND value = ?").param(sku)
                .query(String.class).single();
    }
}
