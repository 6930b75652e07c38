package dev.keel.query.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.privacy.ConsentGiven;
import dev.keel.api.privacy.ConsentPurpose;
import dev.keel.api.privacy.ConsentWithdrawn;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consent ledger, read from the account's own events: the events are the ledger (who, when and
 * from where are their metadata), so no table can disagree with them, and an account's event stream
 * is short next to everything else it is read for.
 */
@Component
class ConsentLedger {

    /**
     * @param current what each purpose stands at now: purposes never consented to are absent
     * @param entries every change, oldest first
     */
    record Ledger(Map<ConsentPurpose, Entry> current, List<Entry> entries) {
    }

    /**
     * @param noticeVersion the notice consented under; {@code null} for a withdrawal
     * @param actor         who recorded it (the person, or a system or STAFF account)
     */
    record Entry(ConsentPurpose purpose, boolean given, @Nullable String noticeVersion, Instant at,
                 @Nullable String actor) {
    }

    private final EventStore events;

    ConsentLedger(EventStore events) {
        this.events = events;
    }

    Ledger of(AccountId accountId) {
        List<Entry> entries = new ArrayList<>();
        Map<ConsentPurpose, Entry> current = new EnumMap<>(ConsentPurpose.class);
        events.readEvents(accountId.toString()).asStream().forEach(event -> entryOf(event).ifPresent(entry -> {
            entries.add(entry);
            if (entry.given()) {
                current.put(entry.purpose(), entry);
            } else {
                current.remove(entry.purpose());
            }
        }));
        return new Ledger(current, entries);
    }

    private static Optional<Entry> entryOf(DomainEventMessage<?> event) {
        Object actor = event.getMetaData().get(MetadataKeys.ACTOR);
        String by = actor == null ? null : actor.toString();
        return switch (event.getPayload()) {
            case ConsentGiven given -> Optional.of(
                    new Entry(given.purpose(), true, given.noticeVersion(), event.getTimestamp(), by));
            case ConsentWithdrawn withdrawn -> Optional.of(
                    new Entry(withdrawn.purpose(), false, null, event.getTimestamp(), by));
            default -> Optional.empty();
        };
    }
}
