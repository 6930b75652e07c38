package dev.keel.app.schema;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.ScratchDatabase;
import dev.keel.app.database.DatabaseTimeouts;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Each module's migrations under a history of its own, on a database of the test's own. */
class SchemaMigrationsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    DataSource shared;

    private ScratchDatabase database;

    @BeforeEach
    void createDatabase() {
        database = new ScratchDatabase(shared);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aNewDatabaseGetsEveryModulesTablesEachModuleWithItsOwnHistory() throws Exception {
        migrate();

        assertThat(tables()).contains("domain_event_entry", "personal_data_key", "unique_claim",
                "account_credential", "staff_account", "sellable_product", "promotion_terms", "product", "account",
                "sent_mail", "analytics_order", "analytics_product");
        assertThat(appliedVersions("app")).containsExactly("1", "2", "3", "4", "5", "6", "9", "10");
        assertThat(appliedVersions("command")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(appliedVersions("projections")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(tables()).doesNotContain(SharedHistory.TABLE);
    }

    @Test
    void aDatabaseMadeUnderTheSharedHistoryKeepsItsDataAndGetsAHistoryPerModule() throws Exception {
        UUID productId = UUID.randomUUID();
        migrateAsBeforeModules();
        database.jdbc().sql("""
                        INSERT INTO product (product_id, sku, name, description, price_minor, currency, version,
                                             created_at, updated_at)
                        VALUES (?, 'OLD-1', 'Kept', '', 100, 'EUR', 0, now(), now())""")
                .param(productId).update();

        migrate();

        assertThat(database.jdbc().sql("SELECT name FROM product WHERE product_id = ?").param(productId)
                .query(String.class).single()).isEqualTo("Kept");
        assertThat(baseline("app")).isEqualTo("2");
        assertThat(baseline("command")).isEqualTo("2");
        assertThat(baseline("projections")).isEqualTo("2");
        assertThat(tables()).doesNotContain(SharedHistory.TABLE).contains(SharedHistory.RETIRED);
        assertThat(appliedVersions("projections")).as("migrations after the shared history's").containsExactly("3", "4", "5", "6", "7", "8");
        assertThat(tables()).as("dropped by projections' V3").doesNotContain("one_time_token");
    }

    @Test
    void takingOverTheSharedHistoryHappensOnceAndTheNextStartChangesNothing() throws Exception {
        migrateAsBeforeModules();
        migrate();
        List<String> histories = List.of(appliedVersions("app").toString(), appliedVersions("command").toString(),
                appliedVersions("projections").toString());

        migrate();

        assertThat(List.of(appliedVersions("app").toString(), appliedVersions("command").toString(),
                appliedVersions("projections").toString())).isEqualTo(histories);
    }

    @Test
    void aSharedHistoryWithAVersionThisKeelDoesNotKnowStopsTheStartSayingWhatToDo() {
        migrateAsBeforeModules();
        database.jdbc().sql("""
                        INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                                                           installed_by, execution_time, success)
                        VALUES (7, '7', 'from a newer keel', 'SQL', 'V7__from_a_newer_keel.sql', 'keel', 0, TRUE)""")
                .update();

        assertThatThrownBy(this::migrate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flyway_schema_history holds version 7")
                .hasMessageContaining("run the Keel that made it");
    }

    @Test
    void nodesStartingTogetherMigrateTheDatabaseOnce() {
        var started = Flux.range(0, 3).parallel(3).runOn(Schedulers.boundedElastic())
                .map(node -> {
                    migrateQuietly();
                    return node;
                })
                .sequential().collectList().block();

        assertThat(started).hasSize(3);
        assertThat(appliedVersions("command")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    }

    /**
     * The pool's time limits are for requests: a node starting beside another that runs a long
     * migration waits its turn on the advisory lock however long that takes, rather than fail at
     * the lock timeout.
     */
    @Test
    void aNodeWaitsForAnotherNodesLongMigrationWhateverThePoolsTimeLimits() throws Exception {
        try (HikariDataSource pool = new HikariDataSource();
             Connection otherNode = database.dataSource().getConnection()) {
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.username());
            pool.setPassword(database.password());
            new DatabaseTimeouts(Duration.ofMillis(200), Duration.ofMillis(100)).applyTo(pool);
            try (var statement = otherNode.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + SchemaMigrations.LOCK + ")");
            }

            CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
                try {
                    new SchemaConfiguration().schemaMigrations(pool).afterPropertiesSet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> starting.isDone() || waitingForTheMigrationLock());
            assertThat(starting).as("still waiting, well past the pool's lock timeout").isNotDone();
            try (var statement = otherNode.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + SchemaMigrations.LOCK + ")");
            }

            starting.get(60, TimeUnit.SECONDS);
            assertThat(appliedVersions("command")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        }
    }

    private boolean waitingForTheMigrationLock() {
        return database.jdbc().sql("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND NOT l.granted AND a.wait_event_type = 'Lock'"
                        + " AND now() - a.query_start > interval '1 second'")
                .query(Long.class).single() > 0;
    }

    private void migrate() throws Exception {
        new SchemaMigrations(database.dataSource(), SchemaConfiguration.MODULES).afterPropertiesSet();
    }

    private void migrateQuietly() {
        try {
            migrate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keel's migrations as they were numbered before each module had its own history. */
    private void migrateAsBeforeModules() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:schema/before-modules")
                .table(SharedHistory.TABLE).load().migrate();
    }

    private List<String> tables() {
        return database.jdbc().sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .query(String.class).list();
    }

    private List<String> appliedVersions(String module) {
        return jdbc(module, "SELECT version FROM %s WHERE type <> 'BASELINE' AND success ORDER BY installed_rank");
    }

    private String baseline(String module) {
        return jdbc(module, "SELECT version FROM %s WHERE type = 'BASELINE'").getFirst();
    }

    private List<String> jdbc(String module, String sql) {
        JdbcClient jdbc = database.jdbc();
        return jdbc.sql(sql.formatted(new ModuleSchema(module).historyTable())).query(String.class).list();
    }
}
