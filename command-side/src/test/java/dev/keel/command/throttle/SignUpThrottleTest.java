package dev.keel.command.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpThrottleTest {

    private Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final SignUpThrottle throttle = new SignUpThrottle(new SignUpThrottleProperties(3, Duration.ofMinutes(3)),
            () -> now);

    @Test
    void anAddressMaySignUpItsWholeAllowanceAtOnceThenWaitsForTheNextOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.take("10.0.0.1")).isZero();
        }
        assertThat(throttle.take("10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.take("10.0.0.2")).as("another address").isZero();
    }

    @Test
    void theAllowanceRefillsOverTheWindowUpToItsSize() {
        for (int i = 0; i < 3; i++) {
            throttle.take("10.0.0.1");
        }
        now = now.plusSeconds(90);
        assertThat(throttle.take("10.0.0.1")).isZero();
        assertThat(throttle.take("10.0.0.1")).isEqualTo(Duration.ofSeconds(30));

        now = now.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.take("10.0.0.1")).isZero();
        }
        assertThat(throttle.take("10.0.0.1")).isPositive();
    }

    @Test
    void aSignUpGivenBackCanBeMadeAgain() {
        for (int i = 0; i < 3; i++) {
            throttle.take("10.0.0.1");
        }
        throttle.giveBack("10.0.0.1");
        assertThat(throttle.take("10.0.0.1")).isZero();
        assertThat(throttle.take("10.0.0.1")).isPositive();
    }
}
