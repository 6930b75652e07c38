package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

/** STAFF gave the account a role. */
@Revision("1")
public record RoleGranted(@DataSubject AccountId accountId, Role role) {
}
