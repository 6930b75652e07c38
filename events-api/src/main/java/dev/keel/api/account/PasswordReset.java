package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The password was replaced using the link of reset request {@code requestId}. */
@Revision("1")
public record PasswordReset(@DataSubject AccountId accountId, UUID requestId) {
}
