package dev.keel.api.account;

import dev.keel.api.push.DeviceView;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An account as the read model holds it, personal data decrypted.
 *
 * @param version the account's last event sequence number
 * @param devices the devices registered for push, newest registration first
 */
public record AccountView(AccountId accountId,
                          String email,
                          String displayName,
                          boolean emailVerified,
                          Set<Role> roles,
                          long version,
                          Instant createdAt,
                          Instant updatedAt,
                          List<DeviceView> devices) {

    public AccountView {
        devices = List.copyOf(devices);
    }

    public AccountView withDevices(List<DeviceView> devices) {
        return new AccountView(accountId, email, displayName, emailVerified, roles, version, createdAt, updatedAt,
                devices);
    }
}
