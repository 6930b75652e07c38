package dev.keel.app.replay;

import dev.keel.web.Problems;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

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
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Where a reset puts a token: before the first event of the store (a tail token's index). */
    private static final long BEFORE_FIRST_EVENT = -1;
    /**
     * The rate of each group's latest replay: sampled when a replay starts here and whenever its status
     * is read while it replays (a replay started otherwise gets its first sample then).
     */
    private final Map<String, ReplayRate> rates = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
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
        Long position = lowest(segments.stream().map(EventTrackerStatus::getCurrentPosition).toList());
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
                position, head, lag, lagSeconds(position, lag), replaying, progress(segments), rate, secondsLeft,
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

    private long lagSeconds(Long position, long lag) {
        if (lag == 0) {
            return 0;
        }
        return jdbc.sql("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1")
                .param(position == null ? -1 : position).query(String.class).optional()
                .map(oldest -> Math.max(0, Duration.between(Instant.parse(oldest), clock.instant()).toSeconds()))
                .orElse(0L);
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private static Long lowest(List<OptionalLong> positions) {
        return positions.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min()
                .stream().boxed().findFirst().orElse(null);
    }
}
