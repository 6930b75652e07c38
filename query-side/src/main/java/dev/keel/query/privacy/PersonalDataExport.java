package dev.keel.query.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.api.privacy.SealedMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.postgresql.util.PGobject;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Keel holds about one person, as one document: the read models' rows as they are (the
 * account, its sessions, its orders), the consent ledger, and the event history of their account and
 * of their orders, decrypted, each event with its metadata (actor, roles, IP and device, correlation).
 * Devices registered for push ({@code push_device}, tokens included: they are the person's) are listed too.
 * An erased person's document shows {@code [erased]} where their data was.
 *
 * <p>Kept to what an account and its orders are; a new kind of personal data (an aggregate of its
 * own) is added here, as its read model implements {@code PersonalReadModel}.
 */
@Component
class PersonalDataExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final EventStore events;
    private final ConsentLedger consents;
    private final SealedMetadata sealed;

    PersonalDataExport(JdbcClient jdbc, EventStore events, ConsentLedger consents, SealedMetadata sealed) {
        this.jdbc = jdbc;
        this.events = events;
        this.consents = consents;
        this.sealed = sealed;
    }

    /**
     * @param events every event, of the account first, then of each order, in stream order
     */
    record Document(AccountId accountId, Instant exportedAt, Map<String, Object> account,
                    List<Map<String, Object>> sessions, List<Map<String, Object>> devices,
                    List<Map<String, Object>> orders,
                    ConsentLedger.Ledger consents, List<StoredEvent> events) {
    }

    record StoredEvent(String aggregateType, UUID aggregateId, long sequence, String type, Instant at,
                       Map<String, Object> payload, Map<String, ?> metadata) {
    }

    Document of(AccountId accountId) {
        UUID id = accountId.value();
        Map<String, Object> account = rows("SELECT * FROM account WHERE account_id = ?", id).stream()
                .findFirst().orElse(Map.of());
        List<Map<String, Object>> sessions = rows(
                "SELECT * FROM account_session WHERE account_id = ? ORDER BY started_at", id);
        List<Map<String, Object>> devices = rows(
                "SELECT * FROM push_device WHERE account_id = ? ORDER BY registered_at, device_id", id);
        List<Map<String, Object>> orders = rows(
                "SELECT * FROM customer_order WHERE customer_id = ? ORDER BY placed_at, order_id", id);
        List<StoredEvent> history = new ArrayList<>(history(accountId.toString()));
        orders.forEach(order -> history.addAll(history(order.get("order_id").toString())));
        return new Document(accountId, Instant.now(), account, sessions, devices, orders, consents.of(accountId),
                history);
    }

    private List<StoredEvent> history(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(this::stored).toList();
    }

    private StoredEvent stored(DomainEventMessage<?> event) {
        return new StoredEvent(event.getType(), UUID.fromString(event.getAggregateIdentifier()), event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(), asMap(event.getPayload()),
                sealed.open(event.getMetaData()));
    }

    /** As its JSON object: each event type has its own fields, which the document lists as free-form. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object payload) {
        return JSON.convertValue(payload, Map.class);
    }

    /** Rows by column name, with the driver's arrays, JSON and timestamps as plain values. */
    private List<Map<String, Object>> rows(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query((row, n) -> {
            ResultSetMetaData columns = row.getMetaData();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                values.put(columns.getColumnLabel(i), plain(row.getObject(i)));
            }
            return values;
        }).list();
    }

    private static Object plain(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Array array -> Arrays.asList((Object[]) array.getArray());
            case Timestamp timestamp -> timestamp.toInstant();
            case PGobject json -> json.getValue();
            default -> value;
        };
    }
}
