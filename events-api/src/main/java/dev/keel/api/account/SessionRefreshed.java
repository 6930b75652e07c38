package dev.keel.api.account;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A session's refresh token was rotated; the session now lasts until {@code expiresAt}. */
@Revision("1")
public record SessionRefreshed(AccountId accountId, SessionId sessionId, Instant expiresAt) {
}
