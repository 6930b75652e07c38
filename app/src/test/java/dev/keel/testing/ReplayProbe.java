package dev.keel.testing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;

/**
 * A replayable projection for tests only, that keeps no data and sees every event. While held, its
 * replay takes one event per permit the test lets through (one event a batch: see the test
 * properties), so a test can watch a replay in progress without depending on how fast it runs.
 */
@Component
@ProcessingGroup(ReplayProbe.GROUP)
public class ReplayProbe {

    public static final String GROUP = "replay-probe";

    private final Semaphore permits = new Semaphore(0);
    private volatile boolean held;

    public void hold() {
        held = true;
    }

    public void let(int events) {
        permits.release(events);
    }

    public void open() {
        held = false;
        permits.release(Integer.MAX_VALUE / 2);
    }

    @EventHandler
    void on(EventMessage<?> event, ReplayStatus status) throws InterruptedException {
        if (held && status.isReplay()) {
            permits.acquire();
        }
    }

    @ResetHandler
    void reset() {
        permits.drainPermits();
    }
}
