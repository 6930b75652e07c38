package dev.keel.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AlternatingTest {

    @Test
    void takesTheMedianRoundSoOneDisturbedRoundDoesNotMoveTheFigure() {
        AtomicInteger windows = new AtomicInteger();
        // the side's second round is disturbed: each call takes ten times as long
        Alternating.Side side = new Alternating.Side("side", i -> () -> Thread.sleep(windows.get() == 3 ? 20 : 2),
                windows::incrementAndGet, () -> { });
        Alternating.Side baseline = new Alternating.Side("baseline", i -> () -> Thread.sleep(4),
                windows::incrementAndGet, () -> { });

        Alternating.Result result = Alternating.run(3, 1, Duration.ZERO, Duration.ofMillis(1500), side, baseline);

        assertThat(result.rounds()[1]).isLessThan(result.rounds()[0] / 3);
        assertThat(result.perSecond()).isGreaterThan(result.baselinePerSecond() * 1.5);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Alternating.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
