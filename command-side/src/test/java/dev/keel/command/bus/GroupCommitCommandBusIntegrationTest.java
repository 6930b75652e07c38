package dev.keel.command.bus;

import dev.keel.embedded.postgres.EmbeddedPostgres;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real PostgreSQL: what a caller sees is committed, and one bad command spoils nothing else. */
class GroupCommitCommandBusIntegrationTest {

    record Write(@TargetAggregateIdentifier String stream, int n, String failure) {
    }

    private final EmbeddedPostgres postgres = EmbeddedPostgres.sharedEphemeral();
    private final String table = "bus_test_" + UUID.randomUUID().toString().replace("-", "");
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch held = new CountDownLatch(1);
    private final AtomicInteger lostBatches = new AtomicInteger();
    private final AtomicBoolean beginFails = new AtomicBoolean();
    private DataSourceTransactionManager transactions;
    private JdbcTemplate jdbc;
    private GroupCommitCommandBus bus;
    private DefaultCommandGateway gateway;

    @BeforeEach
    void setUp() {
        var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(), postgres.username(), postgres.password());
        transactions = new DataSourceTransactionManager(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE " + table + " (stream TEXT NOT NULL, n INT NOT NULL, at BIGSERIAL)");
        jdbc.execute("CREATE TABLE " + table + "_unique (n INT UNIQUE DEFERRABLE INITIALLY DEFERRED)");
        useBusWith(2, 1000, Duration.ofSeconds(30));
    }

    private void useBusWith(int committers, int queue, Duration timeout) {
        var local = SimpleCommandBus.builder()
                .transactionManager(new SavepointTransactionManager(transactions))
                .build();
        local.subscribe(Write.class.getName(), message -> write((Write) message.getPayload()));
        PlatformTransactionManager batches = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                if (beginFails.getAndSet(false)) {
                    throw new CannotCreateTransactionException("no connection (test)");
                }
                return transactions.getTransaction(definition);
            }

            @Override
            public void commit(TransactionStatus status) {
                transactions.commit(status);
            }

            @Override
            public void rollback(TransactionStatus status) {
                transactions.rollback(status);
            }
        };
        bus = new GroupCommitCommandBus(local, AnnotationRoutingStrategy.defaultStrategy(), batches,
                new CommandBusProperties(committers, 64, queue, timeout), lostBatches::incrementAndGet);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        bus.close();
        jdbc.execute("DROP TABLE " + table + ", " + table + "_unique");
    }

    @Test
    void aCommandIsCommittedBeforeItsSenderHearsOfIt() {
        List<CompletableFuture<Boolean>> seenFromOutside = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String stream = "s" + (i % 7);
            int n = i;
            seenFromOutside.add(gateway.send(new Write(stream, n, null)).thenApply(done -> committed(stream, n)));
        }
        assertThat(seenFromOutside).allSatisfy(seen -> assertThat(seen.join()).isTrue());
    }

    @Test
    void aRefusedOrBrokenCommandRollsBackAloneAndTheOthersCommit() {
        List<CompletableFuture<Object>> results = IntStream.range(0, 60)
                .mapToObj(i -> gateway.send(new Write("s" + (i % 3), i,
                        i % 10 == 3 ? "refuse" : i % 10 == 6 ? "sql" : null)))
                .toList();
        CompletableFuture.allOf(results.stream().map(r -> r.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                .join();

        for (int i = 0; i < 60; i++) {
            boolean shouldFail = i % 10 == 3 || i % 10 == 6;
            int n = i;
            assertThat(results.get(i).isCompletedExceptionally())
                    .as(() -> "command " + n + " failed: " + results.get(n).handle((r, e) -> String.valueOf(e)).join())
                    .isEqualTo(shouldFail);
            assertThat(committed("s" + (i % 3), i)).as("row of command %d", i).isEqualTo(!shouldFail);
        }
        assertThatThrownBy(() -> results.get(3).join()).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("refused 3");
    }

    @Test
    void commandsOnOneAggregateRunInTheOrderSent() throws Exception {
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            results.add(gateway.send(new Write("ordered", i, null)));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(jdbc.queryForList("SELECT n FROM " + table + " WHERE stream = 'ordered' ORDER BY at", Integer.class))
                .isEqualTo(IntStream.range(0, 300).boxed().toList());
    }

    @Test
    void aClosedBusTakesNoMoreCommandsButFinishesThoseTaken() throws InterruptedException {
        var taken = gateway.send(new Write("late", 1, null));
        bus.close();
        assertThat(taken.join()).isNull();
        assertThat(committed("late", 1)).isTrue();
        assertThatThrownBy(() -> gateway.send(new Write("late", 2, null)).join()).hasMessageContaining("shutting down");
    }

    @Test
    void whenABatchFailsToCommitNoneOfItsCommandsSucceedAndItsLossIsReported() throws Exception {
        bus.close();
        useBusWith(1, 1000, Duration.ofSeconds(30));
        var holder = gateway.send(new Write("a", 1, "hold"));
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("the committer is busy with the holder").isTrue();
        var first = gateway.send(new Write("b", 2, "unique-7"));
        var bystander = gateway.send(new Write("c", 3, null));
        var second = gateway.send(new Write("d", 4, "unique-7"));
        held.countDown();

        assertThat(holder.get(10, TimeUnit.SECONDS)).isNull();
        for (var inFailedBatch : List.of(first, bystander, second)) {
            assertThatThrownBy(inFailedBatch::join).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
        }
        assertThat(committed("c", 3)).isFalse();
        assertThat(lostBatches).hasValue(1);
    }

    @Test
    void whenNoTransactionCanBeginTheCallersHearOfItAndTheCommitterGoesOn() throws Exception {
        beginFails.set(true);
        var failed = gateway.send(new Write("x", 1, null));
        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(CannotCreateTransactionException.class);

        assertThat(gateway.send(new Write("x", 2, null)).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(committed("x", 2)).isTrue();
        assertThat(lostBatches).hasValue(1);
    }

    @Test
    void aFullQueueRefusesMoreCommandsAtOnceAndRunsNoneOfThem() throws Exception {
        bus.close();
        useBusWith(1, 3, Duration.ofSeconds(30));
        var holder = gateway.send(new Write("a", 1, "hold"));
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("the committer is busy with the holder").isTrue();
        List<CompletableFuture<Object>> waiting = IntStream.range(2, 5)
                .mapToObj(n -> gateway.send(new Write("w", n, null))).toList();

        var refused = gateway.send(new Write("w", 5, null));
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).as("answered while the committer is still busy")
                .hasCauseInstanceOf(CommandBusOverloaded.class);
        held.countDown();

        assertThat(holder.get(10, TimeUnit.SECONDS)).isNull();
        for (var each : waiting) {
            assertThat(each.get(10, TimeUnit.SECONDS)).isNull();
        }
        assertThat(IntStream.range(2, 5).allMatch(n -> committed("w", n))).isTrue();
        assertThat(committed("w", 5)).isFalse();
    }

    @Test
    void aCommandThatWaitedTooLongIsRefusedWhileItsCommitterIsBusyAndNeverRuns() throws Exception {
        bus.close();
        useBusWith(1, 1000, Duration.ofMillis(300));
        var holder = gateway.send(new Write("a", 1, "hold"));
        assertThat(holding.await(10, TimeUnit.SECONDS)).as("the committer is busy with the holder").isTrue();
        var late = gateway.send(new Write("late", 1, null));

        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CommandBusOverloaded.class);
        assertThat(holder).as("the committer was busy all along").isNotDone();
        held.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(gateway.send(new Write("late", 2, null)).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(committed("late", 2)).isTrue();
        assertThat(committed("late", 1)).as("the refused command never ran, not even later").isFalse();
    }

    private Object write(Write command) {
        if ("hold".equals(command.failure())) {
            holding.countDown();
            try {
                held.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (command.failure() != null && command.failure().startsWith("unique-")) {
            jdbc.update("INSERT INTO " + table + "_unique (n) VALUES (?)",
                    Integer.parseInt(command.failure().substring("unique-".length())));
        }
        jdbc.update("INSERT INTO " + table + " (stream, n) VALUES (?, ?)", command.stream(), command.n());
        if ("refuse".equals(command.failure())) {
            throw new IllegalArgumentException("refused " + command.n());
        }
        if ("sql".equals(command.failure())) {
            jdbc.queryForObject("SELECT 1 / 0", Integer.class);
        }
        return null;
    }

    /** Asked on a connection of its own: only committed rows are visible there. */
    private boolean committed(String stream, int n) {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             var query = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE stream = ? AND n = ?")) {
            query.setString(1, stream);
            query.setInt(2, n);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
