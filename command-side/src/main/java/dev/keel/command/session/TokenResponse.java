package dev.keel.command.session;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;

/**
 * What a login or refresh answers. Keep the refresh token in the device's secure storage; it works
 * once: the next refresh returns a new one.
 *
 * @param expiresIn seconds until the access token expires
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                     AccountId accountId, SessionId sessionId) {
}
