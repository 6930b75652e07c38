package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Someone proved to be the account holder and got a new session on device {@code deviceId}, which
 * can be refreshed until {@code expiresAt}.
 */
@Revision("1")
public record LoginSucceeded(@DataSubject AccountId accountId,
                             SessionId sessionId,
                             @PersonalData String deviceId,
                             SignInMethod method,
                             Instant expiresAt) {
}
