package dev.keel.query.push;

import dev.keel.api.push.FindNotifications;
import dev.keel.api.push.NotificationCategory;
import dev.keel.api.push.NotificationPage;
import dev.keel.api.push.NotificationView;
import dev.keel.query.paging.Cursors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The inbox, newest first, by the table's sequence; the cursor holds the last sequence of a page. */
@Component
class NotificationQueries {

    private final JdbcClient jdbc;

    NotificationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String scope(FindNotifications query) {
        return "notifications/" + query.accountId();
    }

    /** @throws org.springframework.web.ErrorResponseException 400 {@code invalid-cursor} */
    static long before(FindNotifications query) {
        return query.cursor() == null ? Long.MAX_VALUE : (Long) Cursors.decode(query.cursor(), scope(query), 1).getFirst();
    }

    @QueryHandler
    NotificationPage handle(FindNotifications query) {
        record Row(long seq, NotificationView view) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT seq, notification_id, category, kind, subject_id, created_at, read_at IS NOT NULL AS read
                        FROM notification WHERE account_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?""")
                .params(query.accountId().value(), before(query), query.size() + 1)
                .query((row, n) -> new Row(row.getLong("seq"), new NotificationView(
                        row.getObject("notification_id", UUID.class),
                        NotificationCategory.valueOf(row.getString("category")), row.getString("kind"),
                        UUID.fromString(row.getString("subject_id")), row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getBoolean("read"))))
                .list();
        List<Row> page = rows.subList(0, Math.min(rows.size(), query.size()));
        String next = rows.size() > query.size() ? Cursors.encode(scope(query), List.of(page.getLast().seq())) : null;
        return new NotificationPage(page.stream().map(Row::view).toList(), next);
    }
}
