package dev.keel.app.subjectaccess;

import dev.keel.api.account.AccountId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Keel holds about one person, as one document: the read models' rows as they are (the
 * account, its sessions, its orders), the consent ledger, and the event history of their account and
 * of their orders, decrypted, each event with its metadata (actor, roles, IP and device, correlation).
 * An erased person's document shows {@code [erased]} where their data was.
 *
 * <p>Kept to what an account and its orders are; a new kind of personal data (an aggregate of its
 * own) is added here, as its read model implements {@code PersonalReadModel}.
 */
@Component
class PersonalDataExport {

    private final JdbcClient jdbc;
    private final EventStore events;
    private final ConsentLedger consents;

    PersonalDataExport(JdbcClient jdbc, EventStore events, ConsentLedger consents) {
        this.jdbc = jdbc;
        this.events = events;
        this.consents = consents;
    }

    /**
     * @param events every event, of the account first, then of each order, in stream order
     */
    record Document(AccountId accountId, Instant exportedAt, Map<String, Object> account,
                    List<Map<String, Object>> sessions, List<Map<String, Object>> orders,
                    ConsentLedger.Ledger consents, List<StoredEvent> events) {
    }

    record StoredEvent(String aggregateType, String aggregateId, long sequence, String type, Instant at,
                       Object payload, Map<String, ?> metadata) {
    }

    Document of(AccountId accountId) {
        UUID id = accountId.value();
        Map<String, Object> account = jdbc.sql("SELECT * FROM account WHERE account_id = ?").param(id)
                .query().listOfRows().stream().findFirst().orElse(Map.of());
        List<Map<String, Object>> sessions = jdbc.sql(
                        "SELECT * FROM account_session WHERE account_id = ? ORDER BY started_at")
                .param(id).query().listOfRows();
        List<Map<String, Object>> orders = jdbc.sql(
                        "SELECT * FROM customer_order WHERE customer_id = ? ORDER BY placed_at, order_id")
                .param(id).query().listOfRows().stream().map(PersonalDataExport::withJsonLines).toList();
        List<StoredEvent> history = new ArrayList<>(history(accountId.toString()));
        orders.forEach(order -> history.addAll(history(order.get("order_id").toString())));
        return new Document(accountId, Instant.now(), account, sessions, orders, consents.of(accountId), history);
    }

    private List<StoredEvent> history(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(PersonalDataExport::stored).toList();
    }

    private static StoredEvent stored(DomainEventMessage<?> event) {
        return new StoredEvent(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(), event.getPayload(), event.getMetaData());
    }

    /** The JSONB column as its text, so the document does not show a driver's object. */
    private static Map<String, Object> withJsonLines(Map<String, Object> order) {
        Map<String, Object> copy = new LinkedHashMap<>(order);
        Object lines = copy.get("lines");
        if (lines != null) {
            copy.put("lines", lines.toString());
        }
        return copy;
    }
}
