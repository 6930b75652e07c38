package dev.keel.projection.push;

import dev.keel.api.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which devices an event was pushed to ({@code sent_push}). Each record is committed in a transaction
 * of its own as soon as FCM answered, not with the event's batch: a batch that fails on another
 * device rolls back, and the retry must still know whom it reached.
 */
@Component
class SentPushes {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    SentPushes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The devices this event is done with: pushed, or dropped because FCM refused their token. */
    Set<String> doneWith(String eventId, AccountId accountId) {
        return new HashSet<>(jdbc.sql("SELECT device_id FROM sent_push WHERE event_id = ? AND account_id = ?")
                .params(eventId, accountId.value()).query(String.class).list());
    }

    /** One answer of FCM for one device. */
    record Done(String deviceId, PushOutcome outcome) {
    }

    /** Records one {@code sendEach}'s answers together: they arrive together, so the window is the same. */
    void record(String eventId, AccountId accountId, List<Done> done) {
        if (done.isEmpty()) {
            return;
        }
        own.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO sent_push (event_id, account_id, device_id, outcome, message_id, sent_at)
                        SELECT ?, ?, device_id, outcome, message_id, now()
                        FROM unnest(?::text[], ?::text[], ?::text[]) AS d(device_id, outcome, message_id)
                        ON CONFLICT DO NOTHING""")
                .params(eventId, accountId.value(),
                        done.stream().map(Done::deviceId).toArray(String[]::new),
                        done.stream().map(d -> d.outcome().kind().name()).toArray(String[]::new),
                        done.stream().map(d -> d.outcome().messageId()).toArray(String[]::new))
                .update());
    }

    void forget(AccountId accountId) {
        jdbc.sql("DELETE FROM sent_push WHERE account_id = ?").param(accountId.value()).update();
    }
}
