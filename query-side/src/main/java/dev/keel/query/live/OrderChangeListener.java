package dev.keel.query.live;

import dev.keel.query.changes.ChangeLogs;
import dev.keel.query.changes.OrderChange;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows the order change log on this node: one connection {@code LISTEN}s on {@code order_change}
 * (the projection notifies it when its transaction commits), and on every notification, or after
 * {@link LiveProperties#poll()} without one, the rows numbered past the last one seen go to this
 * node's subscribers in commit order. Rows are numbered in commit order, so "past the last one seen"
 * misses nothing; the poll covers notifications lost while the connection was being replaced.
 */
@Component
class OrderChangeListener implements SmartLifecycle {

    static final String CHANNEL = "order_change";
    private static final Logger log = LoggerFactory.getLogger(OrderChangeListener.class);
    private static final int PAGE = 500;
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ChangeLogs changes;
    private final OrderChangeHub hub;
    private final Duration poll;
    private volatile boolean running;
    private volatile Thread thread;
    private long lastSeen;

    OrderChangeListener(DataSource dataSource, ChangeLogs changes, OrderChangeHub hub, LiveProperties properties) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.hub = hub;
        this.poll = properties.poll();
    }

    @Override
    public void start() {
        lastSeen = changes.latestOrderChange();
        running = true;
        thread = Thread.ofPlatform().daemon().name("order-change-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server starts taking streams, after it stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                while (running) {
                    deliver();
                    notifications.getNotifications((int) poll.toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Following the order change log failed; trying again in {}: {}", RECONNECT, e.toString());
                    LockSupport.parkNanos(RECONNECT.toNanos());
                }
            }
        }
    }

    private void deliver() {
        List<OrderChange> page;
        do {
            page = changes.orderChangesAfter(lastSeen, PAGE);
            for (OrderChange change : page) {
                hub.publish(change);
                lastSeen = change.seq();
            }
        } while (page.size() == PAGE && running);
    }
}
