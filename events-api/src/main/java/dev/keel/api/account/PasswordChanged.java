package dev.keel.api.account;

import org.axonframework.serialization.Revision;

/** The account holder set a new password, knowing the current one. */
@Revision("1")
public record PasswordChanged(AccountId accountId) {
}
