package dev.keel.app.order;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A placement that dies after it did all its work, as its batch commits (a crash, a lost
 * connection, a full disk look the same to it): nothing of it may stay, no reserved unit, no
 * promotion use, no event, and its Idempotency-Key must be free for the retry.
 */
class PlacementCrashIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noMoreCrashes() {
        jdbc.sql("DROP TRIGGER IF EXISTS crash_at_commit ON sellable_product").update();
        jdbc.sql("DROP FUNCTION IF EXISTS crash_at_commit()").update();
    }

    @Test
    void aPlacementWhoseCommitFailsLeavesNoReservationNoPromotionUseAndNoOrder() {
        String sku = "CRASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new HashMap<>(productRequest(sku, "Doomed lamp", 1_000, "EUR"));
        product.put("stock", 5);
        String lamp = catalog.createProduct(product);
        String code = CommerceFixtures.uniqueCode();
        String promotion = commerce.promotion(Map.of("code", code, "kind", "AMOUNT", "value", 100, "currency", "EUR",
                "totalLimit", 1));
        failCommitsThatReserve(sku);
        Session customer = identity.newCustomer();
        String key = UUID.randomUUID().toString();

        var crashed = commerce.place(customer.accessToken(), key, orderOf(lamp, 2, code));

        assertThat(crashed.getStatus().value()).isEqualTo(500);
        assertThat(commerce.reserved(lamp)).isZero();
        assertThat(commerce.uses(promotion)).isZero();
        assertThat(commerce.events("order.OrderPlaced", lamp)).isZero();

        noMoreCrashes();
        var retried = commerce.place(customer.accessToken(), key, orderOf(lamp, 2, code));
        assertThat(retried.getStatus().value()).isEqualTo(201);
        assertThat(commerce.reserved(lamp)).isEqualTo(2);
        assertThat(commerce.uses(promotion)).isEqualTo(1);
    }

    /** A deferred trigger: it runs when the transaction commits, after the command has done everything. */
    private void failCommitsThatReserve(String sku) {
        jdbc.sql("""
                CREATE FUNCTION crash_at_commit() RETURNS trigger AS $$
                BEGIN
                    IF NEW.sku = '%s' AND NEW.reserved > 0 THEN
                        RAISE EXCEPTION 'the commit fails here (test)';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(sku)).update();
        jdbc.sql("""
                CREATE CONSTRAINT TRIGGER crash_at_commit AFTER UPDATE ON sellable_product
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION crash_at_commit()""").update();
    }
}
