package dev.keel.projection.push;

import dev.keel.api.account.AccountId;
import dev.keel.api.push.NotificationCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The devices a notification of a category goes to: the account's, unless it turned that category off. */
@Component
class PushRecipients {

    /** A device as the sender needs it. */
    record Device(String deviceId, String fcmToken, String locale) {
    }

    private final JdbcClient jdbc;

    PushRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Device> of(AccountId accountId, NotificationCategory category) {
        boolean byDefault = category != NotificationCategory.MARKETING;
        return jdbc.sql("""
                        SELECT d.device_id, d.fcm_token, d.locale FROM push_device d
                        WHERE d.account_id = ?
                          AND COALESCE((SELECT p.push FROM push_preference p
                                        WHERE p.account_id = d.account_id AND p.category = ?), ?)
                        ORDER BY d.device_id""")
                .params(accountId.value(), category.name(), byDefault)
                .query((row, n) -> new Device(row.getString("device_id"), row.getString("fcm_token"),
                        row.getString("locale")))
                .list();
    }
}
