package dev.keel.app.erasure;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.keel.api.account.AccountRegistered;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.order.OrderPlaced;
import dev.keel.api.privacy.PersonalData;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Storefront;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code DELETE /v1/me}, looked at in each store directly: the key row, the stored events and their
 * metadata, the read models, the secrets beside the events, the claim on the email; the books (the
 * order's amounts and lines) stay, and the audit chain, which hashes the stored events, still verifies.
 */
class ErasureIntegrationTest extends KeelIntegrationTest {

    private static final String NAME = "Erase Me Entirely";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    EventStore eventStore;
    @Autowired
    Storefront shop;

    @Test
    void erasingMeLeavesNothingReadableOfMeAndKeepsTheBooks() {
        String email = uniqueEmail();
        String device = newDevice();
        Session me = identity.registerVerified(email, PASSWORD, NAME, device);
        String product = shop.product("Erasure lamp", 1_000, "Lamps", null);
        String orderId = (String) shop.place(me.accessToken(), product, 2).get("orderId");
        shop.awaitOrder(me.accessToken(), orderId, 0);
        consent(me, "ANALYTICS", "analytics-v1").expectStatus().isNoContent();
        identity.awaitMe(me.accessToken(), account -> email.equals(account.get("email")));
        assertThat(storedMetadata(me.accountId())).as("IP and device id are sealed, never stored in plaintext")
                .doesNotContain(device).doesNotContain("127.0.0.1").contains("pd1:");
        assertThat(withDevice(me.accountId()).getMetaData())
                .as("and read back in plaintext while the key lives")
                .containsEntry(MetadataKeys.DEVICE_ID, device).containsEntry(MetadataKeys.CLIENT_IP, "127.0.0.1");
        long eventsBefore = storedEvents(me.accountId());
        List<String> rowsBefore = storedRows(me.accountId());
        List<String> orderRowsBefore = storedRows(orderId);

        erase(me).expectStatus().isNoContent();

        assertThat(storedRows(me.accountId())).as("not one stored byte of the earlier events changes (the audit"
                + " chain hashes them)").startsWith(rowsBefore.toArray(String[]::new));
        assertThat(storedRows(orderId)).isEqualTo(orderRowsBefore);

        assertThat(jdbc.sql("SELECT wrapped_key IS NULL AND erased_at IS NOT NULL FROM personal_data_key"
                + " WHERE subject_id = ?").param(me.accountId()).query(Boolean.class).single())
                .as("the key is a tombstone").isTrue();
        assertThat(storedEvents(me.accountId())).as("the events stay (and a session-ended and the erasure are added)")
                .isGreaterThan(eventsBefore);
        assertThat(storedPayloads(me.accountId())).doesNotContain(email).doesNotContain(NAME).doesNotContain(device);
        DomainEventMessage<?> registered = registered(me.accountId());
        assertThat(((AccountRegistered) registered.getPayload()).email()).isEqualTo(PersonalData.ERASED);
        assertThat(withDevice(me.accountId()).getMetaData())
                .containsEntry(MetadataKeys.DEVICE_ID, PersonalData.ERASED)
                .containsEntry(MetadataKeys.CLIENT_IP, PersonalData.ERASED);
        OrderPlaced placed = (OrderPlaced) eventStore.readEvents(orderId).next().getPayload();
        assertThat(placed.shippingAddress()).as("the order's address is gone").isNull();
        assertThat(placed.totals().total().amountMinor()).as("its amounts are not").isEqualTo(2_380);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT email || '|' || display_name FROM account WHERE account_id = ?")
                    .param(UUID.fromString(me.accountId())).query(String.class).single())
                    .isEqualTo(PersonalData.ERASED + "|" + PersonalData.ERASED);
            assertThat(jdbc.sql("SELECT DISTINCT device_id FROM account_session WHERE account_id = ?")
                    .param(UUID.fromString(me.accountId())).query(String.class).list())
                    .containsExactly(PersonalData.ERASED);
        });
        assertThat(jdbc.sql("SELECT total_minor FROM customer_order WHERE order_id = ?")
                .param(UUID.fromString(orderId)).query(Long.class).single()).as("the books stay").isEqualTo(2_380);
        assertThat(jdbc.sql("SELECT jsonb_array_length(lines) FROM customer_order WHERE order_id = ?")
                .param(UUID.fromString(orderId)).query(Integer.class).single()).isEqualTo(1);
        for (String table : List.of("account_credential", "refresh_token", "account_activity")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE account_id = ?")
                    .param(UUID.fromString(me.accountId())).query(Long.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM unique_claim WHERE owner_id = ?").param(me.accountId())
                .query(Long.class).single()).as("the email's claim is released").isZero();

        long erasure = jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(me.accountId()).query(Long.class).single();
        long erasureRecord = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                        "SELECT chain_position FROM audit_record WHERE global_index = ?").param(erasure)
                .query(Long.class).optional().orElse(-1L), chainPosition -> chainPosition > 0);
        Map<?, ?> verification = auditVerification();
        assertThat(((Number) verification.get("headPosition")).longValue()).isGreaterThanOrEqualTo(erasureRecord);
        assertThat(verification.get("intact")).as("the audit chain verifies through the erasure: %s", verification)
                .isEqualTo(true);
    }

    @Test
    void theAuditTrailShowsWhereIActedFromUntilIAmErasedAndNeverStoresItInPlaintext() {
        String device = newDevice();
        Session me = identity.registerVerified(uniqueEmail(), PASSWORD, NAME, device);
        consent(me, "MARKETING_PUSH", "push-v1").expectStatus().isNoContent();
        String consentGiven = "aggregateId=" + me.accountId() + "&eventType=dev.keel.api.privacy.ConsentGiven";
        Map<?, ?> record = await().atMost(Duration.ofSeconds(60)).until(() -> auditRecords(consentGiven),
                records -> !records.isEmpty()).getFirst();
        assertThat(record.get("clientIp")).isEqualTo("127.0.0.1");
        assertThat(record.get("deviceId")).isEqualTo(device);
        assertThat(auditExport(consentGiven)).contains(device).contains("127.0.0.1");
        long globalIndex = ((Number) record.get("globalIndex")).longValue();
        String row = jdbc.sql("SELECT a::text FROM audit_record a WHERE global_index = ?").param(globalIndex)
                .query(String.class).single();
        assertThat(row).as("sealed in the trail too").doesNotContain(device).doesNotContain("127.0.0.1");
        String sealedDevice = jdbc.sql("SELECT device_id FROM audit_record WHERE global_index = ?").param(globalIndex)
                .query(String.class).single();
        assertThat(sealedDevice).as("the event's own ciphertext").startsWith("pd1:");
        assertThat(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE global_index = ?")
                .param(globalIndex).query(String.class).single()).contains(sealedDevice);

        erase(me).expectStatus().isNoContent();

        Map<?, ?> erased = auditRecords(consentGiven).getFirst();
        assertThat(erased.get("clientIp")).isEqualTo(PersonalData.ERASED);
        assertThat(erased.get("deviceId")).isEqualTo(PersonalData.ERASED);
        assertThat(auditExport(consentGiven)).doesNotContain(device).doesNotContain("127.0.0.1")
                .contains(PersonalData.ERASED);
        assertThat(jdbc.sql("SELECT a::text FROM audit_record a WHERE global_index = ?").param(globalIndex)
                .query(String.class).single()).as("not a byte of the record changes").isEqualTo(row);
        String indexed = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> elasticsearch.search(
                search -> search.index("audit").query(query -> query.term(term -> term.field("globalIndex")
                        .value(globalIndex))), Map.class).hits().hits(), hits -> hits.size() == 1).getFirst().source().toString();
        assertThat(indexed).as("the search index never holds the origin, sealed or open").contains(me.accountId())
                .doesNotContain(device).doesNotContain("127.0.0.1").doesNotContain(sealedDevice).doesNotContain("pd1:");
        long erasure = jdbc.sql("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(me.accountId()).query(Long.class).single();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM audit_record WHERE global_index = ?").param(erasure).query(Long.class).single() > 0);
        assertThat(auditVerification().get("intact")).isEqualTo(true);
    }

    private List<Map<?, ?>> auditRecords(String query) {
        return (List<Map<?, ?>>) web.get().uri("/v1/audit?" + query)
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("records");
    }

    private String auditExport(String query) {
        return web.get().uri("/v1/audit/export?format=NDJSON&" + query)
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private Map<?, ?> auditVerification() {
        return web.get().uri("/v1/audit/verification")
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void afterErasureMyRefreshTokenFailsAtOnceMyAccessTokenChangesNothingAndMyEmailIsFreeAgain() {
        String email = uniqueEmail();
        Session me = identity.registerVerified(email, PASSWORD, NAME, newDevice());

        erase(me).expectStatus().isNoContent();

        identity.refreshAttempt(me.refreshToken(), me.deviceId()).expectStatus().isUnauthorized();
        consent(me, "ANALYTICS", "v1").expectStatus().isEqualTo(HttpStatus.GONE);
        erase(me).expectStatus().isNoContent();
        identity.loginAttempt(email, PASSWORD, newDevice()).expectStatus().isUnauthorized();
        identity.forgetClientAddress();
        identity.registration(email, PASSWORD, "Somebody New").expectStatus().isCreated();
    }

    @Test
    void myExportHoldsMyAccountSessionsOrdersConsentsAndDecryptedEventsAndAfterErasureOnlyMasks() {
        String email = uniqueEmail();
        String device = newDevice();
        Session me = identity.registerVerified(email, PASSWORD, NAME, device);
        String product = shop.product("Export lamp", 1_000, "Lamps", null);
        String orderId = (String) shop.place(me.accessToken(), product, 1).get("orderId");
        shop.awaitOrder(me.accessToken(), orderId, 0);
        consent(me, "MARKETING_EMAIL", "mail-2026").expectStatus().isNoContent();
        identity.awaitMe(me.accessToken(), account -> email.equals(account.get("email")));

        String export = export(me.accessToken(), "/v1/me/export");
        assertThat(export).contains(email).contains(NAME).contains(device).contains(orderId)
                .contains("Grace Hopper").contains("MARKETING_EMAIL").contains("mail-2026")
                .contains("AccountRegistered").contains("OrderPlaced").doesNotContain("pd1:");
        assertThat(export(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE"),
                "/v1/accounts/" + me.accountId() + "/export")).contains(email).contains(orderId);
        web.get().uri("/v1/accounts/{id}/export", me.accountId()).headers(h -> h.setBearerAuth(me.accessToken()))
                .exchange().expectStatus().isForbidden();

        erase(me).expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                export(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE"),
                        "/v1/accounts/" + me.accountId() + "/export"))
                .doesNotContain(email).doesNotContain(NAME).doesNotContain(device).doesNotContain("Grace Hopper")
                .contains(PersonalData.ERASED).contains(orderId).contains("AccountErased"));
    }

    @Test
    void myConsentLedgerShowsEachChangeAndWhatStandsNow() {
        Session me = identity.registerVerified(uniqueEmail(), PASSWORD, NAME, newDevice());
        consent(me, "ANALYTICS", "a-v1").expectStatus().isNoContent();
        consent(me, "MARKETING_PUSH", "p-v1").expectStatus().isNoContent();
        web.delete().uri("/v1/me/consents/ANALYTICS").headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange().expectStatus().isNoContent();

        Map<?, ?> ledger = web.get().uri("/v1/me/consents").headers(h -> h.setBearerAuth(me.accessToken()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(((Map<?, ?>) ledger.get("current")).keySet().stream().map(Object::toString).toList()).containsExactly("MARKETING_PUSH");
        assertThat((List<?>) ledger.get("entries")).hasSize(3);
        assertThat(web.get().uri("/v1/accounts/{id}/consents", me.accountId())
                .headers(h -> h.setBearerAuth(tokens.forUser(UUID.randomUUID().toString(), "COMPLIANCE")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                .isEqualTo(ledger);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec erase(Session me) {
        return web.delete().uri("/v1/me").headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec consent(Session me, String purpose,
                                                                                           String notice) {
        return web.put().uri("/v1/me/consents/{purpose}", purpose).headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Device-Id", me.deviceId())
                .bodyValue(Map.of("noticeVersion", notice))
                .exchange();
    }

    private String export(String accessToken, String uri) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(accessToken)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"keel-.*\\.json\"")
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private DomainEventMessage<?> registered(String accountId) {
        return eventStore.readEvents(accountId).asStream()
                .filter(event -> event.getPayload() instanceof AccountRegistered).findFirst().orElseThrow();
    }

    /** The first of the account's events whose request sent a device id (the consent: the fixtures send none). */
    private DomainEventMessage<?> withDevice(String accountId) {
        return eventStore.readEvents(accountId).asStream()
                .filter(event -> event.getMetaData().get(MetadataKeys.DEVICE_ID) != null).findFirst().orElseThrow();
    }

    private long storedEvents(String accountId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(accountId)
                .query(Long.class).single();
    }

    private String storedPayloads(String accountId) {
        return String.join("\n", jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(accountId).query((row, n) -> new String(row.getBytes("payload"), StandardCharsets.UTF_8)).list());
    }

    /** Each stored event as its sequence and the hex of its payload and metadata bytes, in order. */
    private List<String> storedRows(String accountId) {
        return jdbc.sql("""
                        SELECT sequence_number || ':' || encode(payload, 'hex') || ':' || encode(meta_data, 'hex')
                        FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(accountId).query(String.class).list();
    }

    private String storedMetadata(String accountId) {
        return String.join("\n", jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(accountId).query((row, n) -> new String(row.getBytes("meta_data"), StandardCharsets.UTF_8)).list());
    }
}
