package dev.keel.api.account;

import java.time.Instant;
import java.util.Set;

/**
 * An account as the read model holds it, personal data decrypted.
 *
 * @param version the account's last event sequence number
 */
public record AccountView(AccountId accountId,
                          String email,
                          String displayName,
                          boolean emailVerified,
                          Set<Role> roles,
                          long version,
                          Instant createdAt,
                          Instant updatedAt) {
}
