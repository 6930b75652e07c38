package dev.keel.api.account;

import org.axonframework.serialization.Revision;

/** STAFF gave the account a role. */
@Revision("1")
public record RoleGranted(AccountId accountId, Role role) {
}
