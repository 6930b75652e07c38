package dev.keel.command.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class JdbcProcessedWebhookEvents implements ProcessedWebhookEvents {

    private final JdbcClient jdbc;

    JdbcProcessedWebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StripeWebhooks.Outcome outcomeOf(String eventId) {
        return jdbc.sql("SELECT outcome FROM stripe_webhook_event WHERE event_id = ?").param(eventId)
                .query(String.class).optional().map(StripeWebhooks.Outcome::valueOf).orElse(null);
    }

    @Override
    public void record(String eventId, String type, StripeWebhooks.Outcome outcome) {
        jdbc.sql("""
                        INSERT INTO stripe_webhook_event (event_id, event_type, outcome, received_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(eventId, type, outcome.name(), java.sql.Timestamp.from(Instant.now())).update();
    }
}
