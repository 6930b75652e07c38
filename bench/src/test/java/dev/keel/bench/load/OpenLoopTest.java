package dev.keel.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    @Test
    void countsAStallAgainstEveryRequestScheduledBehindIt() {
        AtomicInteger calls = new AtomicInteger();
        Call stallsOnce = () -> {
            if (calls.incrementAndGet() == 50) {
                Thread.sleep(500);
            }
        };

        OpenLoop.Latencies latencies = OpenLoop.run("stall", 200, Duration.ZERO, Duration.ofSeconds(2), List.of(stallsOnce));

        // One connection: the 100 requests scheduled during the stall all wait for it. A closed loop
        // would have sent none of them and seen one slow request out of ~300.
        assertThat(latencies.requests()).isBetween(390L, 400L);
        assertThat(latencies.percentileMillis(90)).isGreaterThan(100);
        assertThat(latencies.percentileMillis(99)).isGreaterThan(400);
    }

    @Test
    void reportsTheScheduledRateNotTheAchievedOne() {
        OpenLoop.Latencies latencies = OpenLoop.run("fast", 500, Duration.ofMillis(200), Duration.ofSeconds(1),
                List.of(() -> { }, () -> { }));

        assertThat(latencies.perSecond()).isEqualTo(500);
        assertThat(latencies.requests()).isBetween(495L, 505L);
        assertThat(latencies.percentileMillis(50)).isLessThan(5);
    }
}
