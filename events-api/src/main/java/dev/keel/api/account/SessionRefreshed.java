package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A session's refresh token was rotated; the session now lasts until {@code expiresAt}. */
@Revision("1")
public record SessionRefreshed(@DataSubject AccountId accountId, SessionId sessionId, Instant expiresAt) {
}
