package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

/** A session ended early; its refresh token no longer works. */
@Revision("1")
public record SessionRevoked(@DataSubject AccountId accountId, SessionId sessionId, SessionRevocationReason reason) {
}
