package dev.keel.api.account;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The password was replaced using the link of reset request {@code requestId}. */
@Revision("1")
public record PasswordReset(AccountId accountId, UUID requestId) {
}
