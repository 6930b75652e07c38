package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The account proved its email address with the link of request {@code requestId}. */
@Revision("1")
public record EmailVerified(@DataSubject AccountId accountId, UUID requestId) {
}
