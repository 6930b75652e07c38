package dev.keel.api.push;

import dev.keel.api.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes a device from the account's push registry; one not registered changes nothing.
 *
 * @param fcmToken when not {@code null}, the device is removed only while it still has this token: FCM
 *                 refusing an old token must not remove the device after it registered a new one
 */
public record RemoveDevice(@TargetAggregateIdentifier AccountId accountId, String deviceId, String fcmToken,
                           DeviceRemovalReason reason) {

    @Override
    public String toString() {
        return "RemoveDevice[accountId=" + accountId + ", reason=" + reason + "]";
    }
}
