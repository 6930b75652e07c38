package dev.keel.api.account;

import dev.keel.api.privacy.DataSubject;
import org.axonframework.serialization.Revision;

/**
 * A login with a wrong password; {@code consecutiveFailures} counts them since the last success.
 */
@Revision("1")
public record LoginFailed(@DataSubject AccountId accountId, int consecutiveFailures) {
}
