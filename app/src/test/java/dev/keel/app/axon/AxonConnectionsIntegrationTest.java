package dev.keel.app.axon;

import dev.keel.api.catalog.ChangeProductPrice;
import dev.keel.api.catalog.CreateProduct;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.money.Money;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CatalogFixtures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group-commit command bus runs many commands, each in its own unit of work, inside one
 * transaction. What Axon writes through its connections (events, tokens, dead letters) must belong to
 * that transaction: a unit of work that commits or rolls back the connection by itself would commit
 * the batch early, or throw away the commands before it that were already told they succeeded.
 */
class AxonConnectionsIntegrationTest extends KeelIntegrationTest {

    private static final Money ONE_EURO = new Money(100, Currency.getInstance("EUR"));

    @Autowired
    ConnectionProvider connections;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void aUnitOfWorkNeitherCommitsNorRollsBackTheSurroundingTransaction() {
        String table = "uow_test_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE TABLE " + table + " (n INT NOT NULL)").update();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(batch -> {
                DefaultUnitOfWork.startAndGet(null).execute(() -> insert(table, 1));
                batch.setRollbackOnly();
            });
            new TransactionTemplate(transactions).executeWithoutResult(batch -> {
                DefaultUnitOfWork.startAndGet(null).execute(() -> insert(table, 2));
                try {
                    DefaultUnitOfWork.startAndGet(null).execute(() -> {
                        insert(table, 3);
                        throw new IllegalStateException("this unit of work fails");
                    });
                } catch (IllegalStateException expected) {
                    // the surrounding transaction goes on, as the command bus's does
                }
            });
            assertThat(jdbc.sql("SELECT n FROM " + table).query(Integer.class).list())
                    .as("1 rolled back with its transaction; 2 survived the failure after it").contains(2)
                    .doesNotContain(1);
        } finally {
            jdbc.sql("DROP TABLE " + table).update();
        }
    }

    @Test
    void everyCommandToldItSucceededIsStoredThoughOthersInItsBatchFailed() {
        List<ProductId> created = new ArrayList<>();
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            if (i % 3 == 0) {
                // loads an aggregate that does not exist: fails after reading the event store
                results.add(commands.send(new ChangeProductPrice(ProductId.random(), ONE_EURO, null)));
            } else {
                ProductId id = ProductId.random();
                created.add(id);
                results.add(commands.send(new CreateProduct(id, CatalogFixtures.uniqueSku(), "Batch " + i, "", ONE_EURO)));
            }
        }
        CompletableFuture.allOf(results.stream().map(r -> r.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                .join();

        assertThat(results).filteredOn(CompletableFuture::isCompletedExceptionally).hasSize(40);
        List<String> stored = jdbc.sql("SELECT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier IN (:ids)")
                .params(Map.of("ids", created.stream().map(id -> id.value().toString()).toList()))
                .query(String.class).list();
        assertThat(stored).hasSize(created.size());
    }

    private void insert(String table, int n) {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (n) VALUES (?)")) {
            insert.setInt(1, n);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
