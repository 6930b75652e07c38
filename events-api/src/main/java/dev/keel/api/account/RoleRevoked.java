package dev.keel.api.account;

import org.axonframework.serialization.Revision;

/** STAFF took a role away from the account; its tokens lose it from the next refresh. */
@Revision("1")
public record RoleRevoked(AccountId accountId, Role role) {
}
