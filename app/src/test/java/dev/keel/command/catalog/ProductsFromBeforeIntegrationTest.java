package dev.keel.command.catalog;

import dev.keel.api.catalog.ProductCreated;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.StockLevel;
import dev.keel.api.money.Money;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.CommerceFixtures;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product made by the first catalog slice, stored as it stored it (ProductCreated revision 1, no
 * sellable_product row): it still reads, it is listed, and after the start-up backfill it sells.
 * In this package because the backfill is package-private.
 */
class ProductsFromBeforeIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore events;
    @Autowired
    SaleTermsBackfill backfill;
    @Autowired
    CommerceFixtures commerce;

    @Test
    void aProductStoredInTheOldShapeReadsSellsAndCanBeCounted() {
        ProductId id = ProductId.random();
        String sku = CatalogFixtures.uniqueSku();
        storeAsTheFirstSliceDid(id, sku);

        var read = (ProductCreated) events.readEvents(id.toString()).next().getPayload();
        assertThat(read).isEqualTo(new ProductCreated(id, sku, "Old mug", "From before", Money.of(850, "EUR"), null,
                List.of(), StockLevel.unlimited(id, 0)));
        catalog.awaitProductVersion(id.toString(), 0);

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);
        assertThat(commerce.stock(id.toString())).isNull();
        commerce.placed(identity.newCustomer().accessToken(), orderOf(id.toString(), 7, null));
        assertThat(commerce.reserved(id.toString())).isEqualTo(7);
        assertThat(backfill.backfill()).as("nothing left to write").isZero();
    }

    private void storeAsTheFirstSliceDid(ProductId id, String sku) {
        jdbc.sql("INSERT INTO unique_claim (scope, value, owner_id) VALUES (?, ?, ?)")
                .params(Product.SKU_SCOPE, sku, id.toString()).update();
        String payload = """
                {"productId":"%s","sku":"%s","name":"Old mug","description":"From before",\
                "price":{"amountMinor":850,"currency":"EUR"}}""".formatted(id, sku);
        jdbc.sql("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, 0, 'Product', ?, ?, ?, '1', ?, ?)""")
                .params(id.toString(), UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8), ProductCreated.class.getName(), Instant.now().toString())
                .update();
    }
}
