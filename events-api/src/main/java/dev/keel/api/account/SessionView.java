package dev.keel.api.account;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A live session: logged in on a device, neither revoked nor expired.
 *
 * @param lastRefreshedAt when its refresh token was last rotated, or {@code null} if never
 * @param expiresAt       when its refresh token stops working unless rotated before
 */
public record SessionView(SessionId sessionId,
                          String deviceId,
                          SignInMethod method,
                          Instant startedAt,
                          @Nullable Instant lastRefreshedAt,
                          Instant expiresAt) {
}
