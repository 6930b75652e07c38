package dev.keel.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** Starts postgres on a free port and waits until it answers, retrying when another process took the port. */
final class Startup {

    record Running(Postmaster postmaster, int port, String version, String password) {}

    private static final int ATTEMPTS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(15);
    private static final String INVALID_PASSWORD = "28P01";

    private Startup() {}

    static Running start(Cluster cluster, Map<String, String> settings, String password) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Postmaster postmaster = cluster.start(port, settings);
            String version = awaitReady(cluster, postmaster, port, password);
            if (version != null) {
                return new Running(postmaster, port, version, password);
            }
            String log = postmaster.logTail();
            if (attempt < ATTEMPTS && lockedByPrevious(log) && PreviousServer.awaitExit(cluster.dataDirectory(), LOCK_WAIT)) {
                continue;
            }
            if (!portTaken(log) || attempt == ATTEMPTS) {
                throw new IllegalStateException("PostgreSQL did not start on data directory %s; its log (%s) says:%n%s"
                        .formatted(cluster.dataDirectory(), postmaster.logFile(), log));
            }
        }
    }

    /** The server version once our server answers, or null when it exited first. */
    private static String awaitReady(Cluster cluster, Postmaster postmaster, int port, String password) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastError = "no answer yet";
        while (!postmaster.awaitExit(POLL)) {
            try {
                Connections.Identity identity = Connections.identify(port, password);
                if (identity.serves(cluster.dataDirectory())) {
                    return identity.version();
                }
                lastError = "port taken by the server of " + identity.dataDirectory();
            } catch (SQLException notYet) {
                lastError = INVALID_PASSWORD.equals(notYet.getSQLState())
                        ? notYet.getMessage() + "; if " + Credentials.PASSWORD_FILE + " was changed by hand, delete it"
                                + " and Keel sets a new password on the next start"
                        : notYet.getMessage();
            }
            if (System.nanoTime() > deadline) {
                postmaster.kill();
                throw new IllegalStateException("PostgreSQL did not answer on port %d within %s (%s); its log says:%n%s"
                        .formatted(port, READY_TIMEOUT, lastError, postmaster.logTail()));
            }
        }
        return null;
    }

    /** A restart right after a kill: the old server is still shutting down on its way out. */
    private static boolean lockedByPrevious(String log) {
        return log.contains("lock file \"postmaster.pid\" already exists");
    }

    private static boolean portTaken(String log) {
        return log.contains("could not bind") || log.contains("could not create any TCP/IP sockets");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
