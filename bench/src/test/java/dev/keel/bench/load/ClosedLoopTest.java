package dev.keel.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosedLoopTest {

    @Test
    void countsOnlyCallsCompletedInTheMeasuredWindow() {
        ClosedLoop.Throughput throughput = ClosedLoop.run("sleepy", 4, Duration.ofMillis(300), Duration.ofSeconds(1),
                i -> () -> Thread.sleep(10));

        // 4 clients x ~100 calls/s each; the warm-up's calls are not counted
        assertThat(throughput.perSecond()).isBetween(300.0, 400.0);
        assertThat(throughput.calls()).isEqualTo((long) throughput.perSecond());
    }

    @Test
    void failsThePhaseOnAWrongAnswerInsteadOfCountingIt() {
        assertThatThrownBy(() -> ClosedLoop.run("failing", 2, Duration.ZERO, Duration.ofSeconds(1),
                i -> () -> { throw new IllegalStateException("answered 500"); }))
                .hasMessageContaining("failing failed: answered 500");
    }
}
