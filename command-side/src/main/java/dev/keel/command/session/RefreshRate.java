package dev.keel.command.session;

import dev.keel.api.account.SessionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How often a session may refresh. Each refresh adds an event to the account and a row here, so a
 * client refreshing in a loop must be stopped before either: at most {@code refreshes} within any
 * {@code window}, counted from the session's rotated tokens in {@code refresh_token}, so every node
 * agrees and a restart forgets nothing. The allowance is generous: an app refreshes when its access
 * token runs out, every quarter of an hour, and a few times more after a restart or a lost answer.
 */
@Component
class RefreshRate {

    private final JdbcClient jdbc;
    private final RefreshLimitProperties limit;

    RefreshRate(JdbcClient jdbc, RefreshLimitProperties limit) {
        this.jdbc = jdbc;
        this.limit = limit;
    }

    /** @return {@link Duration#ZERO} when the session may refresh now; else until the oldest counted refresh leaves the window */
    Duration waitBefore(SessionId sessionId) {
        long windowMillis = limit.window().toMillis();
        return jdbc.sql("""
                        SELECT CEIL(EXTRACT(EPOCH FROM rotated_at - now()) * 1000) + ? FROM refresh_token
                        WHERE session_id = ? AND rotated_at > now() - ? * INTERVAL '1 millisecond'
                        ORDER BY rotated_at DESC OFFSET ? LIMIT 1""")
                .params(windowMillis, sessionId.value(), windowMillis, limit.refreshes() - 1)
                .query(Long.class)
                .optional()
                .map(millis -> Duration.ofMillis(Math.max(1, millis)))
                .orElse(Duration.ZERO);
    }
}
