package dev.keel.api.account;

import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The password was replaced using the link of reset request {@code requestId}. */
@Revision("1")
public record PasswordReset(AccountId accountId, UUID requestId) {
}
