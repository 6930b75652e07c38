package dev.keel.query.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountView;
import dev.keel.api.account.FindAccount;
import dev.keel.api.account.FindSessions;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionId;
import dev.keel.api.account.SessionList;
import dev.keel.api.account.SessionView;
import dev.keel.api.account.SignInMethod;
import dev.keel.api.push.DevicePlatform;
import dev.keel.api.push.DeviceView;
import dev.keel.api.push.FindNotificationPreferences;
import dev.keel.api.push.NotificationCategory;
import dev.keel.api.push.NotificationPreferencesView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Component
class AccountQueries {

    private final JdbcClient jdbc;

    AccountQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the account, or {@code null} when the read model has none with that id */
    @QueryHandler
    AccountView handle(FindAccount query) {
        return jdbc.sql("""
                        SELECT account_id, email, display_name, email_verified, roles, version, created_at, updated_at
                        FROM account WHERE account_id = ?""")
                .param(query.accountId().value())
                .query(AccountQueries::account)
                .optional()
                .map(account -> account.withDevices(devices(query.accountId())))
                .orElse(null);
    }

    private List<DeviceView> devices(AccountId accountId) {
        return jdbc.sql("""
                        SELECT device_id, platform, locale, registered_at FROM push_device
                        WHERE account_id = ? ORDER BY registered_at DESC, device_id""")
                .param(accountId.value())
                .query((row, n) -> new DeviceView(row.getString("device_id"),
                        DevicePlatform.valueOf(row.getString("platform")), row.getString("locale"),
                        instant(row, "registered_at")))
                .list();
    }

    /** Categories nobody chose for stay at their defaults: service categories on, marketing off. */
    @QueryHandler
    NotificationPreferencesView handle(FindNotificationPreferences query) {
        Map<String, Boolean> chosen = jdbc.sql("SELECT category, push FROM push_preference WHERE account_id = ?")
                .param(query.accountId().value())
                .query((row, n) -> Map.entry(row.getString("category"), row.getBoolean("push")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new NotificationPreferencesView(chosen.getOrDefault(NotificationCategory.ORDER_UPDATES.name(), true),
                chosen.getOrDefault(NotificationCategory.PAYMENT_RESULTS.name(), true),
                chosen.getOrDefault(NotificationCategory.MARKETING.name(), false));
    }

    /** Live sessions only: not revoked, not expired. */
    @QueryHandler
    SessionList handle(FindSessions query) {
        return new SessionList(jdbc.sql("""
                        SELECT session_id, device_id, method, started_at, last_refreshed_at, expires_at
                        FROM account_session
                        WHERE account_id = ? AND revoked_at IS NULL AND expires_at > now()
                        ORDER BY started_at DESC""")
                .param(query.accountId().value())
                .query(AccountQueries::session)
                .list());
    }

    private static AccountView account(ResultSet row, int n) throws SQLException {
        String[] roles = (String[]) row.getArray("roles").getArray();
        Set<Role> parsed = Arrays.stream(roles).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new AccountView(new AccountId(row.getObject("account_id", UUID.class)), row.getString("email"),
                row.getString("display_name"), row.getBoolean("email_verified"), parsed, row.getLong("version"),
                instant(row, "created_at"), instant(row, "updated_at"), List.of());
    }

    private static SessionView session(ResultSet row, int n) throws SQLException {
        return new SessionView(new SessionId(row.getObject("session_id", UUID.class)), row.getString("device_id"),
                SignInMethod.valueOf(row.getString("method")), instant(row, "started_at"),
                instant(row, "last_refreshed_at"), instant(row, "expires_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
