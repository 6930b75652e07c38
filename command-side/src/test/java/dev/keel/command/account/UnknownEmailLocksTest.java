package dev.keel.command.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.keel.command.account.AccountFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class UnknownEmailLocksTest {

    private final UnknownEmailLocks locks = new UnknownEmailLocks(
            new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1)));

    @Test
    void theFifthFailureInARowLocksLikeAnAccountWould() {
        for (int i = 0; i < 4; i++) {
            assertThat(locks.failed("idx:unknown", NOW)).isNull();
        }
        assertThat(locks.failed("idx:unknown", NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    /**
     * A wiped lock would let the email be tried again early, unlike a real account's, which tells the
     * two apart. Flooded with more other emails than are tracked while the locked one is still being
     * tried (clearing the whole map when full freed it).
     */
    @Test
    void aFloodOfOtherUnknownEmailsDoesNotUnlockOne() {
        Instant until = NOW.plus(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            locks.failed("idx:unknown", NOW);
        }
        for (int i = 0; i < 3 * UnknownEmailLocks.MAX_TRACKED; i++) {
            locks.failed("idx:flood-" + i, NOW);
            if (i % 1_000 == 0) {
                assertThat(locks.failed("idx:unknown", NOW)).as("after %d other emails", i).isEqualTo(until);
            }
        }
        assertThat(locks.failed("idx:unknown", NOW.plusSeconds(10))).isEqualTo(until);
    }
}
