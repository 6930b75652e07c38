package dev.keel.testing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/**
 * Event processors as a test sees them: where each one's stored tokens are, and the two ways a
 * processor sees events again. A redelivery moves the tokens back to a plain earlier position, as
 * after a crash between writing a batch and committing its token; a replay resets them.
 */
@Component
public class Processors {

    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final Serializer serializer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Processors(EventProcessingConfiguration processing, TokenStore tokenStore, Serializer serializer, JdbcClient jdbc,
               PlatformTransactionManager transactions) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The global positions of every stored event of these aggregates, in order. */
    public List<Long> positionsOf(Collection<String> aggregateIds) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier IN (:ids) ORDER BY 1")
                .param("ids", List.copyOf(aggregateIds)).query(Long.class).list();
    }

    /** Waits until every segment of {@code group} has committed a token past all these positions. */
    public void awaitHandled(String group, Collection<Long> positions) {
        await().atMost(Duration.ofSeconds(60)).until(() -> handled(group, positions));
    }

    /** Waits until each of these groups has handled every event stored so far. */
    public void awaitCaughtUp(String... groups) {
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        for (String group : groups) {
            awaitHandled(group, List.of(head));
        }
    }

    /**
     * Stops {@code group}, moves every segment's token back to just before {@code position} (no
     * replay: the handlers cannot tell these events from new ones), and starts it again.
     */
    public void redeliverFrom(String group, long position) {
        StreamingEventProcessor processor = processor(group);
        processor.shutDown();
        TrackingToken earlier = GapAwareTrackingToken.newInstance(position - 1, Set.of());
        transaction.executeWithoutResult(status -> {
            for (int segment : tokenStore.fetchSegments(group)) {
                tokenStore.storeToken(earlier, group, segment);
                tokenStore.releaseClaim(group, segment);
            }
        });
        if (handled(group, List.of(position))) {
            throw new IllegalStateException("The tokens of " + group + " did not move back before " + position);
        }
        processor.start();
    }

    /** Stops {@code group}, resets its tokens (its reset handler empties its read model) and starts it. */
    public void replay(String group) {
        StreamingEventProcessor processor = processor(group);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    /**
     * Stops {@code group} where it is, as a node shut down mid-replay would, and says whether it was
     * still replaying: whether a stored token of it is still a replay token.
     */
    public boolean shutDownMidReplay(String group) {
        processor(group).shutDown();
        return storedTokens(group).stream().anyMatch(token -> token instanceof ReplayToken);
    }

    public void start(String group) {
        processor(group).start();
    }

    /** The lowest position the processor's segments have reached here, -1 before any. */
    public long position(String group) {
        return processor(group).processingStatus().values().stream()
                .map(status -> status.getCurrentPosition().orElse(-1)).min(Long::compare).orElse(-1L);
    }

    public boolean isReplaying(String group) {
        return processor(group).isReplaying();
    }

    private boolean handled(String group, Collection<Long> positions) {
        List<TrackingToken> tokens = storedTokens(group);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> positions.stream().allMatch(position ->
                covers(token, position)));
    }

    private static boolean covers(TrackingToken token, long position) {
        return token != null && WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken current
                && current.getIndex() >= position && !current.getGaps().contains(position);
    }

    private List<TrackingToken> storedTokens(String group) {
        return jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ?").param(group)
                .query((row, n) -> token(row.getBytes("token"), row.getString("token_type")))
                .list();
    }

    private TrackingToken token(byte[] serialized, String type) {
        return serialized == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null));
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + group));
    }
}
