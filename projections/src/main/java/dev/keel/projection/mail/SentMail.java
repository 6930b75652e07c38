package dev.keel.projection.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The events whose mail went out ({@code sent_mail}), so a redelivered event sends nothing twice. */
@Component
public class SentMail {

    private final JdbcClient jdbc;

    public SentMail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return {@code false} when this event's mail went out already */
    public boolean firstTime(String eventId) {
        return jdbc.sql("INSERT INTO sent_mail (event_id, sent_at) VALUES (?, now()) ON CONFLICT DO NOTHING")
                .param(eventId).update() == 1;
    }
}
