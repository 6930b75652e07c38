package dev.keel.app.privacy;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Every node caches the data keys it unwrapped; an erasure on one node must reach the others' caches
 * or they would go on decrypting (and writing into read models) what was erased. PostgreSQL tells
 * every listening session when an erasure commits; this node's session evicts the key. When the
 * connection breaks, notifications may be lost, so the whole cache goes when it is back.
 *
 * <p>Needs a session of its own: a pooler in transaction mode (PgBouncer) does not deliver
 * notifications.
 */
class ErasedKeysListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErasedKeysListener.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final JdbcPersonalDataKeys keys;
    private volatile Thread thread;
    private volatile boolean listening;

    ErasedKeysListener(DataSource dataSource, JdbcPersonalDataKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    /** Whether the session is listening now (an erasure elsewhere reaches this node). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        // Assigned before it starts: run() goes on only while it is the current listener thread, and a
        // thread that started first would find the field still empty and end at once, never listening.
        Thread listener = Thread.ofPlatform().daemon().name("keel-erased-keys").unstarted(this::run);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException e) {
                log.warn("Lost the session that hears of erased data keys; every cached key is dropped", e);
            } finally {
                listening = false;
                keys.evictAll();
            }
            if (!pause()) {
                return;
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + JdbcPersonalDataKeys.ERASED_CHANNEL);
        }
        keys.evictAll();
        listening = true;
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (thread == Thread.currentThread()) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    keys.evict(notification.getParameter());
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
