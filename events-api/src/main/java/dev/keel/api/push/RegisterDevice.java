package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers (or updates) a device of the account for push; the same values again change nothing. */
public record RegisterDevice(@TargetAggregateIdentifier AccountId accountId, String deviceId, String fcmToken,
                             DevicePlatform platform, String locale) {

    @Override
    public String toString() {
        return "RegisterDevice[accountId=" + accountId + ", platform=" + platform + ", locale=" + locale + "]";
    }
}
