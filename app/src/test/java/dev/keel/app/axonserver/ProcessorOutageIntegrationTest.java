package dev.keel.app.axonserver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.axon.ReconnectingEventSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection node loses its event stream from Axon Server while commands go on being stored
 * (issue 12: read models lagged about 20 s after an outage, behind Axon's backoff of up to 60 s).
 * The outage lasts until the product table's processor was refused a stream four times: Axon's own
 * backoff (1, 2, 4, 8 s) would then wait 16 s before its next attempt; the read model must be back
 * within a few seconds, and each processor must say once that it lost the store and once that it
 * caught up, not once per attempt.
 */
class ProcessorOutageIntegrationTest extends KeelIntegrationTest {

    private static final String PRODUCT_TABLE = "product-table";
    /** Well under the 16 s Axon's uncapped backoff waits after four refusals; well over the 2 s cap. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(8);

    @Autowired
    AxonServerLink link;
    @Autowired
    EventProcessingConfiguration processing;

    private final ListAppender<ILoggingEvent> keelLog = new ListAppender<>();
    private final ListAppender<ILoggingEvent> axonLog = new ListAppender<>();

    @BeforeEach
    void listen() {
        keelLog.start();
        axonLog.start();
        logger(ReconnectingEventSource.class.getName()).addAppender(keelLog);
        logger("org.axonframework.eventhandling.pooled").addAppender(axonLog);
    }

    @AfterEach
    void restore() {
        link.restoreEventStream();
        logger(ReconnectingEventSource.class.getName()).detachAppender(keelLog);
        logger("org.axonframework.eventhandling.pooled").detachAppender(axonLog);
    }

    @Test
    void readModelsAreBackWithinSecondsOfTheEventStoreComingBackAndEachProcessorLogsOnlyItsStateChanges() {
        catalog.awaitProductVersion(catalog.createProduct("Before the outage", 100), 0);

        link.cutEventStream();
        String during = catalog.createProduct("Stored during the outage", 200);
        await().atMost(Duration.ofSeconds(45)).until(() -> link.refusedEventStreams(PRODUCT_TABLE) >= 4);
        assertThat(productStatus(during)).as("the read model did not see it during the outage")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(productTable().isError()).as("Axon's processor never saw the failure, so never backed off")
                .isFalse();
        link.restoreEventStream();

        await().atMost(BACK_WITHIN).until(() -> productStatus(during) == HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines("Processor " + PRODUCT_TABLE + ": caught up again") == 1);
        assertThat(lines("Processor " + PRODUCT_TABLE + ": event store unreachable")).isEqualTo(1);
        assertThat(axonLog.list).as("Axon logs nothing per retry")
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN)
                        && event.getFormattedMessage().contains(PRODUCT_TABLE));
    }

    private StreamingEventProcessor productTable() {
        return processing.eventProcessor(PRODUCT_TABLE, StreamingEventProcessor.class).orElseThrow();
    }

    private HttpStatus productStatus(String productId) {
        return HttpStatus.valueOf(web.get().uri("/v1/products/{id}", productId).exchange().returnResult(Void.class)
                .getStatus().value());
    }

    private long lines(String start) {
        List<ILoggingEvent> events = List.copyOf(keelLog.list);
        return events.stream().filter(event -> event.getFormattedMessage().startsWith(start)).count();
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
