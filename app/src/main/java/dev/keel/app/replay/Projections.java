package dev.keel.app.replay;

import dev.keel.web.Problems;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The node's streaming processors: what each has reached, and replays. A replay resets the tokens
 * (the group's {@code @ResetHandler} empties its read model) and restarts the processor, which
 * rebuilds from the first event while new events keep arriving; reads serve the rebuilding model
 * meanwhile. Groups that cannot be reset ({@code @DisallowReplay}) are refused, never bypassed.
 */
@Component
class Projections {

    static final Duration RATE_WINDOW = Duration.ofSeconds(60);

    private final EventProcessingConfiguration processing;
    private final EventStore store;
    private final Clock clock;
    /** Where a reset puts a token: before the first event of the store (a tail token's index). */
    private static final long BEFORE_FIRST_EVENT = -1;
    /**
     * The rate of each group's latest replay: sampled when a replay starts here and whenever its status
     * is read while it replays (a replay started otherwise gets its first sample then).
     */
    private final Map<String, ReplayRate> rates = new ConcurrentHashMap<>();

    /** @param store asked for its head and its events through Axon's API, so it reads Axon Server too */
    Projections(EventProcessingConfiguration processing, EventStore store) {
        this.processing = processing;
        this.store = store;
        this.clock = Clock.systemUTC();
    }

    List<ProjectionStatus> all() {
        long head = head();
        return processing.eventProcessors().keySet().stream().sorted()
                .flatMap(name -> processing.eventProcessor(name, StreamingEventProcessor.class).stream()
                        .map(processor -> status(name, processor, head)))
                .toList();
    }

    ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = find(name);
        if (!processor.supportsReset()) {
            throw Problems.error(HttpStatus.CONFLICT, "replay-not-allowed", name + " is never replayed: it sends "
                    + "mail, push or payments, or keeps the audit trail, and a replay would do that again");
        }
        if (processor.isReplaying()) {
            throw Problems.error(HttpStatus.CONFLICT, "replay-in-progress", name + " is replaying already; "
                    + "follow its progress in GET /v1/admin/projections");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw Problems.error(HttpStatus.CONFLICT, "replay-blocked", name + " has segments claimed by another "
                    + "node; stop it there (or shut that node down) and try again");
        } finally {
            processor.start();
        }
        ReplayRate rate = new ReplayRate(RATE_WINDOW);
        rate.sample(clock.instant(), BEFORE_FIRST_EVENT);
        rates.put(name, rate);
        return status(name, processor, head());
    }

    private StreamingEventProcessor find(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> Problems.notFound("No projection " + name + " on this node"));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        TrackingToken behind = lowest(segments);
        Long position = behind == null ? null : behind.position().stream().boxed().findFirst().orElse(null);
        long lag = position == null ? head : Math.max(0, head - position);
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(segment -> String.valueOf(segment.getError())).findFirst().orElse(null);
        boolean replaying = processor.isReplaying();
        Double rate = null;
        Long secondsLeft = null;
        if (replaying) {
            ReplayRate replay = rates.computeIfAbsent(name, key -> new ReplayRate(RATE_WINDOW));
            synchronized (replay) {
                replay.sample(clock.instant(), position == null ? 0 : position);
                rate = replay.eventsPerSecond();
                secondsLeft = replay.secondsLeft(head);
            }
        }
        return new ProjectionStatus(name, processor.isRunning(), processor.supportsReset(), segments.size(),
                position, head, lag, lagSeconds(behind, lag), replaying, progress(segments), rate, secondsLeft,
                error);
    }

    private Double progress(Collection<EventTrackerStatus> segments) {
        return segments.stream().filter(EventTrackerStatus::isReplaying)
                .mapToDouble(segment -> {
                    long reset = segment.getResetPosition().orElse(0);
                    long current = segment.getCurrentPosition().orElse(0);
                    return reset <= 0 ? 1.0 : Math.min(1.0, (double) current / reset);
                })
                .min().stream().boxed().findFirst().orElse(null);
    }

    /** How long the oldest event the processor has not handled has waited; 0 when none waits. */
    private long lagSeconds(TrackingToken behind, long lag) {
        if (lag == 0) {
            return 0;
        }
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(WrappedToken.unwrapLowerBound(behind))) {
            return events.hasNextAvailable(5, TimeUnit.SECONDS) ? events.peek()
                    .map(oldest -> Math.max(0, Duration.between(oldest.getTimestamp(), clock.instant()).toSeconds()))
                    .orElse(0L) : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The last event's position; 0 for an empty store. */
    private long head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** The token of the segment furthest behind, of those that have a position; null when none has. */
    private static TrackingToken lowest(Collection<EventTrackerStatus> segments) {
        return segments.stream().map(EventTrackerStatus::getTrackingToken)
                .filter(token -> token != null && token.position().isPresent())
                .min(Comparator.comparingLong(token -> token.position().getAsLong())).orElse(null);
    }
}
