package dev.keel.api.account;

import org.axonframework.serialization.Revision;

/**
 * A login with a wrong password; {@code consecutiveFailures} counts them since the last success.
 */
@Revision("1")
public record LoginFailed(AccountId accountId, int consecutiveFailures) {
}
