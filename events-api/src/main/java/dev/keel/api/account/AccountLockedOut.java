package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Too many failed logins: no login is accepted until {@code until}. {@code lockouts} counts
 * lockouts since the last successful login; each lasts longer than the one before.
 */
@Revision("1")
public record AccountLockedOut(@DataSubject AccountId accountId, Instant until, int lockouts) {
}
