package dev.keel.command.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Sign-ups per client address (README: Configuration): at most {@code attempts} at once, refilled
 * at {@code attempts} per {@code window}.
 */
@ConfigurationProperties("keel.signup-throttle")
record SignUpThrottleProperties(@DefaultValue("60") int attempts, @DefaultValue("2m") Duration window) {
}
