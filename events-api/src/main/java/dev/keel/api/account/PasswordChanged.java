package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

/** The account holder set a new password, knowing the current one. */
@Revision("1")
public record PasswordChanged(@DataSubject AccountId accountId) {
}
