package dev.keel.api.account;

import org.axonframework.serialization.Revision;

/** A session ended early; its refresh token no longer works. */
@Revision("1")
public record SessionRevoked(AccountId accountId, SessionId sessionId, SessionRevocationReason reason) {
}
