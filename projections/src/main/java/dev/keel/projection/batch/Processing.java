package dev.keel.projection.batch;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Map;

/** What the index builders ask of a processor before they let readers see what it built. */
public final class Processing {

    private Processing() {
    }

    /** Every segment claimed here, together the whole stream, each at the head, and no replay running. */
    public static boolean caughtUp(EventProcessingConfiguration processing, String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).map(processor -> {
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            double covered = segments.values().stream()
                    .mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
            return processor.isRunning() && !processor.isReplaying() && Math.abs(covered - 1.0) < 1e-9
                    && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        }).orElse(false);
    }
}
