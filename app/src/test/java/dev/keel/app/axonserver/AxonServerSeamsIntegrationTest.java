package dev.keel.app.axonserver;

import dev.keel.api.account.AccountRegistered;
import dev.keel.api.catalog.ChangeProductPrice;
import dev.keel.api.catalog.CreateProduct;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.money.Money;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures;
import org.awaitility.Awaitility;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.axonserver.connector.util.GrpcMetaDataConverter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static dev.keel.testing.CommerceFixtures.orderOf;
import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the {@code axonserver} profile must keep, checked where it differs from the default (issue 12):
 * commands cross the connector's serialization, so a refusal arrives without its class; events are
 * visible to processors before their command's PostgreSQL transaction commits. Every problem answers
 * the type and status the default answers (the same cases as the catalog, registration and order
 * tests), and a registration's personal data reaches its read model and its mail.
 */
class AxonServerSeamsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    CommandGateway gateway;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStorageEngine events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AxonServerLink link;

    @BeforeEach
    void emulateAxonServer() {
        link.emulate();
    }

    @AfterEach
    void backToTheDefault() {
        link.stopEmulating();
    }

    @Test
    void theSeamsAreInPlace() {
        assertThat(commandBus).isInstanceOf(AxonServerWireCommandBus.class);
        assertThat(events).isInstanceOf(EventsVisibleBeforeCommit.class);
    }

    @Test
    void aRefusalCrossesTheWireAsDataNotAsItsClass() {
        String sku = uniqueSku();
        catalog.createProduct(productRequest(sku, "Original", 100, "EUR"));

        Throwable refused = catchThrowable(() -> gateway.sendAndWait(duplicateOf(sku)));

        assertThat(refused).isInstanceOf(CommandExecutionException.class)
                .hasCauseInstanceOf(AxonServerRemoteCommandHandlingException.class);
        assertThat(((CommandExecutionException) refused).getDetails()).get()
                .hasFieldOrPropertyWithValue("status", 409)
                .hasFieldOrPropertyWithValue("type", "sku-already-in-use");
    }

    @Test
    void aStaleIfMatchIsAConflictNamingTheCurrentVersion() {
        String productId = catalog.createProduct("Tent", 30_000);
        catalog.reprice(productId, 0, 29_000);

        web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("amountMinor", 1, "currency", "EUR"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-conflict")
                .jsonPath("$.currentVersion").isEqualTo(1);
    }

    /**
     * Another node appended to the product first: the conflict arrives without its class, and the
     * server retries it as it does on one node instead of answering 409 to a client who did nothing wrong.
     */
    @Test
    void aConcurrencyConflictThatCrossedTheWireIsRetriedByTheServer() {
        String productId = catalog.createProduct("Contested", 100);
        AtomicInteger attempts = new AtomicInteger();
        Registration loseTheFirstRace = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ChangeProductPrice change
                    && change.productId().toString().equals(productId) && attempts.incrementAndGet() == 1) {
                throw new ConcurrencyException("Another node appended to product " + productId + " first");
            }
            return chain.proceed();
        });
        try {
            assertThat(catalog.reprice(productId, 0, 90)).isEqualTo(1);
        } finally {
            loseTheFirstRace.cancel();
        }
        assertThat(attempts).as("lost once, then retried").hasValue(2);
    }

    @Test
    void catalogRefusalsAnswerTheirOwnProblems() {
        String sku = uniqueSku();
        catalog.createProduct(productRequest(sku, "Original", 100, "EUR"));

        expectProblem(asStaff(web.post().uri("/v1/products"), productRequest(sku.toLowerCase(), "Copy", 100, "EUR")),
                409, "sku-already-in-use");
        expectProblem(asStaff(web.put().uri("/v1/products/{id}/price", UUID.randomUUID()),
                Map.of("amountMinor", 100, "currency", "EUR")), 404, "not-found");
        expectProblem(asStaff(web.post().uri("/v1/products"), productRequest(uniqueSku(), " ", 100, "EUR")),
                400, "validation-failed");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAcrossTheWire() {
        String staff = tokens.staff();
        String key = UUID.randomUUID().toString();
        var request = productRequest(uniqueSku(), "Twice sent", 100, "EUR");
        String first = createWithKey(staff, key, request);
        assertThat(createWithKey(staff, key, request)).isEqualTo(first);
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefused() {
        String email = uniqueEmail();
        identity.registerUnverified(email, PASSWORD, "First");
        identity.registration(email.toUpperCase(), PASSWORD, "Second")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/email-already-registered");
    }

    @Test
    void orderRefusalsAnswerTheirOwnProblems() {
        var customer = identity.newCustomer();
        String euros = commerce.product("Wire lamp", 100, 1L);
        String ghost = UUID.randomUUID().toString();

        expectProblem(place(customer.accessToken(), orderOf(ghost, 1, null)), 422, "unknown-product")
                .jsonPath("$.productId").isEqualTo(ghost);
        expectProblem(place(customer.accessToken(), orderOf(euros, 2, null)), 409, "out-of-stock")
                .jsonPath("$.productId").isEqualTo(euros);
        expectProblem(place(customer.accessToken(), orderOf(euros, 1, "NO-SUCH-CODE")), 422, "unknown-promotion-code");
        place(customer.accessToken(), orderOf(euros, 1, null)).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("PLACED");
    }

    /**
     * Each registration's events are handled by the account table and the mailer while its command's
     * transaction is still open. Before data keys were committed on their own, the key was not there
     * yet, the events read as erased and no mail went out (two of three registrations on Axon Server).
     */
    @Test
    void registrationsKeepTheirEmailAndNameWhenTheirEventsAreReadBeforeTheirCommandCommits() {
        List<String> emails = new ArrayList<>();
        List<IdentityFixtures.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = uniqueEmail();
            emails.add(email);
            sessions.add(identity.registerVerified(email, PASSWORD, "Person " + i, IdentityFixtures.newDevice()));
        }

        for (int i = 0; i < 3; i++) {
            String accountId = sessions.get(i).accountId();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                    .sql("SELECT count(*) FROM account WHERE account_id = ?::uuid AND email_verified")
                    .param(accountId).query(Long.class).single() == 1);
            assertThat(jdbc.sql("SELECT email || ' / ' || display_name FROM account WHERE account_id = ?::uuid")
                    .param(accountId).query(String.class).single()).isEqualTo(emails.get(i) + " / Person " + i);
            int n = i;
            identity.awaitMe(sessions.get(i).accessToken(), me -> emails.get(n).equals(me.get("email"))
                    && ("Person " + n).equals(me.get("displayName")));
        }
    }

    /**
     * Axon Server's connector writes metadata value by value, without Keel's serializer, so the client
     * IP and device id must be sealed before the event store is handed the event; readers that show
     * them to a person open them again.
     */
    @Test
    void theClientIpAndDeviceIdReachTheEventStoreSealedAndReadBackOpened() {
        String email = uniqueEmail();
        String device = "device-" + UUID.randomUUID();
        String accountId = (String) web.post().uri("/v1/accounts")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Device-Id", device)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Sealed origin"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("accountId");

        MetaData handed = link.lastHandedToStore(payload -> payload instanceof AccountRegistered registered
                && registered.accountId().toString().equals(accountId)).orElseThrow().getMetaData();
        GrpcMetaDataConverter connector = new GrpcMetaDataConverter(eventSerializer);
        for (String key : List.of(MetadataKeys.DEVICE_ID, MetadataKeys.CLIENT_IP)) {
            String onTheWire = connector.convertToMetaDataValue(handed.get(key)).getTextValue();
            assertThat(onTheWire).as(key).startsWith("pd1:").doesNotContain(device).doesNotContain("127.0.0.1");
        }

        Map<?, ?> history = web.get().uri("/v1/history/Account/" + accountId)
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> metadata = (Map<?, ?>) ((Map<?, ?>) ((List<?>) history.get("events")).getFirst()).get("metadata");
        assertThat(metadata.get(MetadataKeys.DEVICE_ID)).isEqualTo(device);
        assertThat(metadata.get(MetadataKeys.CLIENT_IP).toString()).doesNotStartWith("pd1:");
    }

    @Test
    void whileAxonServerIsUnreachableCommandsAnswer503WithRetryAfterAndHealthIsDown() {
        String staff = tokens.staff();
        String sku = uniqueSku();
        link.cut();
        try {
            web.post().uri("/v1/products")
                    .headers(h -> h.setBearerAuth(staff))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .bodyValue(productRequest(sku, "During the outage", 100, "EUR"))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/overloaded");
            web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(staff)).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.axonServer.status").isEqualTo("DOWN");
            assertThat(catalog.eventsNaming(sku)).as("nothing stored").isZero();
        } finally {
            link.restore();
        }
        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(staff)).exchange()
                .expectBody().jsonPath("$.components.axonServer.status").isEqualTo("UP");
        catalog.createProduct(productRequest(sku, "After the outage", 100, "EUR"), staff);
    }

    private static CreateProduct duplicateOf(String sku) {
        return new CreateProduct(ProductId.random(), sku, "Copy", "", Money.of(100, "EUR"));
    }

    private WebTestClient.ResponseSpec asStaff(WebTestClient.RequestBodySpec request, Object body) {
        return request.headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec place(String accessToken, Map<String, Object> body) {
        return web.post().uri("/v1/orders")
                .headers(h -> h.setBearerAuth(accessToken))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body)
                .exchange();
    }

    private String createWithKey(String staff, String key, Map<String, Object> request) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(staff))
                .header("Idempotency-Key", key)
                .bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("productId").toString();
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status,
                                                               String type) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/" + type);
    }
}
