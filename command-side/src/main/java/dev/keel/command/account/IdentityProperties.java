package dev.keel.command.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Identity settings (README: Configuration).
 *
 * @param refreshTokenTtl  how long a session lasts without a refresh; each refresh extends it
 * @param verificationTtl  how long an email verification link works
 * @param resetTtl         how long a password reset link works
 * @param linkBaseUrl      where mailed links point; the app or web page there posts the token back
 */
@ConfigurationProperties("keel.identity")
public record IdentityProperties(@DefaultValue Argon2 argon2,
                          @DefaultValue PasswordRules password,
                          @DefaultValue Lockouts lockout,
                          @DefaultValue IpThrottle ipThrottle,
                          @DefaultValue("30d") Duration refreshTokenTtl,
                          @DefaultValue("24h") Duration verificationTtl,
                          @DefaultValue("1h") Duration resetTtl,
                          @DefaultValue Admin admin) {

    /** Argon2id cost: memory in KiB, passes over it, lanes. Defaults are OWASP's minimum (19 MiB, 2, 1). */
    public record Argon2(@DefaultValue("19456") int memoryKib,
                  @DefaultValue("2") int iterations,
                  @DefaultValue("1") int parallelism) {
    }

    public record PasswordRules(@DefaultValue("10") int minLength, @DefaultValue("128") int maxLength) {
    }

    /** After {@code threshold} failures in a row, lock for {@code base}, doubling per lockout up to {@code max}. */
    public record Lockouts(@DefaultValue("5") int threshold,
                    @DefaultValue("1m") Duration base,
                    @DefaultValue("1h") Duration max) {
    }

    /** At most {@code attempts} failed logins or reset requests per client IP within {@code window}. */
    public record IpThrottle(@DefaultValue("30") int attempts, @DefaultValue("15m") Duration window) {
    }

    /** The first STAFF account, created at start-up when both are set and no account has that email. */
    public record Admin(@DefaultValue("") String email, @DefaultValue("") String password) {
    }
}
