package dev.keel.command.throttle;

import dev.keel.command.account.IdentityProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IpThrottleTest {

    private static final int ATTEMPTS = 30;

    private final IpThrottle throttle = new IpThrottle(new IdentityProperties(null, null, null,
            new IdentityProperties.IpThrottle(ATTEMPTS, Duration.ofMinutes(15)), null, null, null, null));

    @Test
    void anAddressIsThrottledAfterItsAttempts() {
        for (int i = 0; i < ATTEMPTS; i++) {
            assertThat(throttle.reserve("192.0.2.1")).as("attempt %d", i + 1).isZero();
        }
        assertThat(throttle.reserve("192.0.2.1")).isPositive();
        throttle.giveBack("192.0.2.1");
        assertThat(throttle.reserve("192.0.2.1")).as("an attempt given back").isZero();
    }

    /**
     * Failures from more new addresses than the throttle tracks, while the throttled one keeps asking
     * (as a throttled client does: each 429 looks it up again). Clearing the whole map when full freed it.
     */
    @Test
    void aFloodOfNewAddressesDoesNotFreeOneThatIsThrottled() {
        for (int i = 0; i < ATTEMPTS; i++) {
            throttle.reserve("192.0.2.1");
        }
        for (int i = 0; i < 3 * IpThrottle.MAX_TRACKED; i++) {
            throttle.reserve("flood-" + i);
            if (i % 1_000 == 0) {
                assertThat(throttle.reserve("192.0.2.1")).as("after %d new addresses", i).isPositive();
            }
        }
        assertThat(throttle.reserve("192.0.2.1")).isPositive();
    }
}
