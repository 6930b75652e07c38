package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The STAFF roster on a database of its own, where "the last STAFF account" can be set up: the shared
 * one always holds the configured admin and whatever other tests made STAFF.
 */
class JdbcStaffRosterIntegrationTest extends KeelIntegrationTest {

    @Autowired
    DataSource shared;

    private ScratchDatabase database;
    private JdbcStaffRoster roster;
    private TransactionTemplate transaction;

    @BeforeEach
    void emptyRoster() throws Exception {
        database = new ScratchDatabase(shared);
        try (var in = new ClassPathResource("db/schema/command/V3__staff_roster.sql").getInputStream()) {
            database.jdbc().sql(new String(in.readAllBytes(), StandardCharsets.UTF_8)).update();
        }
        roster = new JdbcStaffRoster(JdbcClient.create(database.dataSource()));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void theOnlyAccountOnTheRosterStaysOnIt() {
        AccountId first = AccountId.random();
        AccountId second = AccountId.random();
        roster.add(first);
        roster.add(first);
        assertThat(roster.removeUnlessLast(first)).isFalse();

        roster.add(second);
        assertThat(roster.removeUnlessLast(first)).isTrue();
        assertThat(roster.removeUnlessLast(second)).isFalse();
        assertThat(database.jdbc().sql("SELECT account_id FROM staff_account").query(java.util.UUID.class).list())
                .containsExactly(second.value());
    }

    /**
     * Two STAFF accounts revoking each other at once: without the lock each would see the other still
     * on the roster and both would go. The first holds its transaction open until the second waits.
     */
    @Test
    void twoRevocationsAtOnceLeaveOneStaffAccount() throws Exception {
        AccountId first = AccountId.random();
        AccountId second = AccountId.random();
        roster.add(first);
        roster.add(second);
        CountDownLatch firstDecided = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        try (ExecutorService staff = Executors.newFixedThreadPool(2)) {
            Future<Boolean> firstRemoved = staff.submit(() -> transaction.execute(status -> {
                boolean removed = roster.removeUnlessLast(first);
                firstDecided.countDown();
                awaitQuietly(commitFirst);
                return removed;
            }));
            awaitQuietly(firstDecided);
            Future<Boolean> secondRemoved = staff.submit(() ->
                    transaction.execute(status -> roster.removeUnlessLast(second)));
            await("the second revocation waiting for the first one's lock").atMost(Duration.ofSeconds(20))
                    .until(() -> waitingForALock() == 1);
            commitFirst.countDown();

            assertThat(firstRemoved.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(secondRemoved.get(20, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(database.jdbc().sql("SELECT count(*) FROM staff_account").query(Integer.class).single()).isEqualTo(1);
    }

    private int waitingForALock() {
        return database.jdbc().sql("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'")
                .param(database.name()).query(Integer.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
