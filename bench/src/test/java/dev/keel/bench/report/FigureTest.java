package dev.keel.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FigureTest {

    @Test
    void aThroughputMeetsItsGoalAtOrAboveTheRatio() {
        Figure figure = Figure.against("command-throughput", 6000, "commands/s", 6000, "rows/s", "raw", Goal.atLeast(1.0), Map.of());

        assertThat(figure.ratio()).isEqualTo(1.0);
        assertThat(figure.met()).isTrue();
    }

    @Test
    void aLatencyMissesItsGoalAboveTheRatio() {
        Figure figure = Figure.against("command-latency-p99", 31, "ms", 10, "ms", "raw", Goal.atMost(3.0), Map.of());

        assertThat(figure.ratio()).isEqualTo(3.1);
        assertThat(figure.met()).isFalse();
    }

    @Test
    void aPlainFigureHasNoBaselineRatioOrVerdict() {
        Figure figure = Figure.plain("start-to-ready", 6.2, "s", Map.of());

        assertThat(figure.ratio()).isNull();
        assertThat(figure.met()).isNull();
    }
}
