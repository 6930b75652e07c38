package dev.keel.app.replay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayRateTest {

    static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    final ReplayRate rate = new ReplayRate(Duration.ofSeconds(60));

    @Test
    void oneSampleGivesNoRateAndNoTimeLeft() {
        rate.sample(START, 100);

        assertThat(rate.eventsPerSecond()).isNull();
        assertThat(rate.secondsLeft(1_000)).isNull();
    }

    @Test
    void theRateIsThePositionsCoveredOverTheTimeBetweenSamples() {
        rate.sample(START, 0);
        rate.sample(START.plusSeconds(10), 5_000);

        assertThat(rate.eventsPerSecond()).isEqualTo(500.0);
        assertThat(rate.secondsLeft(20_000)).isEqualTo(30);
    }

    @Test
    void onlyTheWindowCountsSoASlowerStretchShowsSoon() {
        rate.sample(START, 0);
        rate.sample(START.plusSeconds(60), 60_000);
        rate.sample(START.plusSeconds(120), 60_600);
        rate.sample(START.plusSeconds(125), 60_650);

        // window 65..125 s; its base is the newest sample at or before it (60 s), not the fast start
        assertThat(rate.eventsPerSecond()).isEqualTo(10.0);
    }

    @Test
    void aStalledReplayHasARateOfZeroAndNoTimeLeft() {
        rate.sample(START, 400);
        rate.sample(START.plusSeconds(5), 400);

        assertThat(rate.eventsPerSecond()).isZero();
        assertThat(rate.secondsLeft(1_000)).isNull();
    }

    @Test
    void aCaughtUpReplayHasNoTimeLeftAndAHeadBehindItNeverGivesNegativeTime() {
        rate.sample(START, 0);
        rate.sample(START.plusSeconds(1), 1_000);

        assertThat(rate.secondsLeft(1_000)).isZero();
        assertThat(rate.secondsLeft(900)).isZero();
    }

    @Test
    void aSampleThatIsNotLaterThanTheLastIsIgnored() {
        rate.sample(START, 0);
        rate.sample(START, 50);

        assertThat(rate.eventsPerSecond()).isNull();
    }

    @Test
    void aPositionBehindTheLastStartsANewRunInsteadOfAZeroRate() {
        rate.sample(START, 0);
        rate.sample(START.plusSeconds(10), 9_000);
        rate.sample(START.plusSeconds(20), 10);
        rate.sample(START.plusSeconds(22), 210);

        assertThat(rate.eventsPerSecond()).isEqualTo(100.0);
    }
}
