package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

/** STAFF took a role away from the account; its tokens lose it from the next refresh. */
@Revision("1")
public record RoleRevoked(@DataSubject AccountId accountId, Role role) {
}
