package dev.keel.app.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code eventProcessors} in {@code /actuator/health}: DOWN when a processor stopped or one of its
 * segments keeps failing (the errors are shown), with each processor's position and whether it is
 * caught up.
 */
@Component("eventProcessors")
class EventProcessorsHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorFailures failures;

    EventProcessorsHealth(EventProcessingConfiguration processing, ProcessorFailures failures) {
        this.processing = processing;
        this.failures = failures;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        processing.eventProcessors().forEach((name, processor) -> {
            Map<String, Object> details = describe(processor);
            var failing = failures.of(name);
            if (!failing.isEmpty()) {
                details.put("failingSegments", failing);
            }
            if (!processor.isRunning() || !failing.isEmpty()) {
                health.down();
            }
            health.withDetail(name, details);
        });
        return health.build();
    }

    private static Map<String, Object> describe(EventProcessor processor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", processor.isRunning());
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return details;
        }
        Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
        details.put("claimedSegments", segments.size());
        details.put("caughtUp", segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
        details.put("replaying", streaming.isReplaying());
        segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .ifPresent(position -> details.put("position", position));
        return details;
    }
}
