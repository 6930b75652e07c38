package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A single-use password reset link should be mailed; it stops working at {@code expiresAt} or when
 * a newer request supersedes it. The link itself is never in an event.
 */
@Revision("1")
public record PasswordResetRequested(@DataSubject AccountId accountId,
                                     @PersonalData String email,
                                     @PersonalData String displayName,
                                     UUID requestId,
                                     Instant expiresAt) {
}
