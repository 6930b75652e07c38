package dev.keel.projection.push;

import dev.keel.api.account.AccountErased;
import dev.keel.api.privacy.ConsentGiven;
import dev.keel.api.privacy.ConsentPurpose;
import dev.keel.api.privacy.ConsentWithdrawn;
import dev.keel.api.push.DeviceRegistered;
import dev.keel.api.push.DeviceRemoved;
import dev.keel.api.push.NotificationCategory;
import dev.keel.api.push.NotificationPreferenceChanged;
import dev.keel.projection.erasure.PersonalReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * The push registry ({@code push_device}, {@code push_preference}). One segment (application.yml), so
 * registrations from different accounts arrive in the order they were stored: a token registered by a
 * second account is taken from the first one's device, whichever segment would have had each.
 */
@Component
@ProcessingGroup(PushRegistryProjection.GROUP)
class PushRegistryProjection implements PersonalReadModel {

    static final String GROUP = "push-registry";

    private final JdbcClient jdbc;

    PushRegistryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeviceRegistered event, @Timestamp Instant at) {
        UUID account = event.accountId().value();
        jdbc.sql("DELETE FROM push_device WHERE fcm_token = ? AND NOT (account_id = ? AND device_id = ?)")
                .params(event.fcmToken(), account, event.deviceId()).update();
        jdbc.sql("""
                        INSERT INTO push_device (account_id, device_id, fcm_token, platform, locale, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (account_id, device_id) DO UPDATE SET fcm_token = EXCLUDED.fcm_token,
                            platform = EXCLUDED.platform, locale = EXCLUDED.locale, registered_at = EXCLUDED.registered_at""")
                .params(account, event.deviceId(), event.fcmToken(), event.platform().name(), event.locale(),
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(DeviceRemoved event) {
        jdbc.sql("DELETE FROM push_device WHERE account_id = ? AND device_id = ?")
                .params(event.accountId().value(), event.deviceId()).update();
    }

    @EventHandler
    void on(NotificationPreferenceChanged event) {
        choose(event.accountId().value(), event.category(), event.push());
    }

    @EventHandler
    void on(ConsentGiven event) {
        if (event.purpose() == ConsentPurpose.MARKETING_PUSH) {
            choose(event.accountId().value(), NotificationCategory.MARKETING, true);
        }
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        if (event.purpose() == ConsentPurpose.MARKETING_PUSH) {
            choose(event.accountId().value(), NotificationCategory.MARKETING, false);
        }
    }

    /** Devices name phones and their tokens reach them: nothing of them is kept. */
    @EventHandler
    void on(AccountErased event) {
        jdbc.sql("DELETE FROM push_device WHERE account_id = ?").param(event.accountId().value()).update();
        jdbc.sql("DELETE FROM push_preference WHERE account_id = ?").param(event.accountId().value()).update();
    }

    private void choose(UUID account, NotificationCategory category, boolean push) {
        jdbc.sql("""
                        INSERT INTO push_preference (account_id, category, push) VALUES (?, ?, ?)
                        ON CONFLICT (account_id, category) DO UPDATE SET push = EXCLUDED.push""")
                .params(account, category.name(), push).update();
    }

    @Override
    public Set<String> personalStores() {
        return Set.of("push_device");
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE push_device, push_preference").update();
    }
}
