package dev.keel.app.history;

import dev.keel.app.KeelIntegrationTest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under Axon Server a history finds its events' positions in the store's stream; on the default
 * store that way must find what the table says.
 */
class EventPositionsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    EventStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStreamGivesEachEventThePositionTheTableHolds() {
        String product = catalog.createProduct("Positioned", 100);
        catalog.reprice(product, 0, 110);
        catalog.createProduct("In between", 100);
        catalog.reprice(product, 1, 120);
        var events = store.readEvents(product, 0).asStream().toList();

        var inTable = EventPositions.inTable(jdbc).of(product, events);

        assertThat(inTable).hasSize(3);
        assertThat(EventPositions.inStream(store).of(product, events)).isEqualTo(inTable);
    }
}
