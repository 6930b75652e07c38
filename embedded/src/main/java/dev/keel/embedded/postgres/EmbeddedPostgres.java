package dev.keel.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries jar on the class path, listening on 127.0.0.1 only, with
 * a random password (SCRAM-SHA-256) for user {@code postgres} and a database named {@code keel}. When the JVM
 * runs as root, the server runs as {@code nobody}. A shutdown hook, and the kernel when the JVM is killed,
 * stop servers this JVM started.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    static final String DATABASE = "keel";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final Cluster cluster;
    private final Postmaster postmaster;
    private final int port;
    private final String password;
    private final boolean ephemeral;
    private final boolean shared;
    private final AtomicBoolean stopped = new AtomicBoolean();

    EmbeddedPostgres(Cluster cluster, Startup.Running running, boolean ephemeral, boolean shared) {
        this.cluster = cluster;
        this.postmaster = running.postmaster();
        this.port = running.port();
        this.password = running.password();
        this.ephemeral = ephemeral;
        this.shared = shared;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One ephemeral server for the whole JVM, started on first use and stopped when the JVM exits. */
    public static EmbeddedPostgres sharedEphemeral() {
        return Instances.shared();
    }

    /** Whether the server's user can get to {@code path}; lets a caller pick another data location first. */
    public static boolean reachableByServerUser(Path path) {
        return ServerUser.current().blockedFolders(path).isEmpty();
    }

    public String jdbcUrl() {
        return Connections.url(port, DATABASE);
    }

    public String username() {
        return Cluster.SUPERUSER;
    }

    /** The superuser's password, also kept (mode 0600) in the data directory's {@code keel-password}. */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return cluster.dataDirectory();
    }

    /**
     * The caller stops this server itself, after whatever uses it: the JVM shutdown hook, which runs
     * alongside the caller's own shutdown, leaves it alone. If the JVM dies, the kernel still stops it.
     */
    public EmbeddedPostgres closedByCaller() {
        Instances.forget(this);
        return this;
    }

    /** Stops the server (an ephemeral one's data goes too). The shared server ignores this: others still use it. */
    @Override
    public void close() {
        if (!shared) {
            stop();
        }
    }

    void stop() {
        if (stopped.compareAndSet(false, true)) {
            Instances.forget(this);
            cluster.stop(postmaster);
            if (ephemeral) {
                Folders.deleteQuietly(cluster.dataDirectory());
            }
            log.debug("PostgreSQL on port {} stopped", port);
        }
    }

    /** Chooses where the data lives and adds server settings; {@link #start()} does the work. */
    public static final class Builder {

        private static final Set<String> OWN_SETTINGS = Set.of("port", "listen_addresses", "unix_socket_directories");

        private Path dataDirectory;
        private final Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "fsync", "on",
                "synchronous_commit", "on",
                "max_connections", "200",
                // Containers often give /dev/shm only 64 MB
                "dynamic_shared_memory_type", "mmap"));

        private Builder() {}

        /** Keeps the data here: initialized when empty, reused as it is otherwise. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
            return this;
        }

        /** Keeps the data in a fresh folder under java.io.tmpdir, deleted on close. */
        public Builder ephemeral() {
            this.dataDirectory = null;
            return this;
        }

        /** A server setting, passed as {@code -c name=value}. */
        public Builder setting(String name, String value) {
            if (OWN_SETTINGS.contains(name)) {
                throw new IllegalArgumentException(name + " is chosen by the launcher: the server stays on a free"
                        + " loopback port without a Unix socket");
            }
            settings.put(name, value);
            return this;
        }

        public EmbeddedPostgres start() {
            return start(false);
        }

        EmbeddedPostgres startShared() {
            return start(true);
        }

        private EmbeddedPostgres start(boolean shared) {
            try {
                return Launch.run(dataDirectory, settings, shared);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start PostgreSQL: " + e, e);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + DATABASE + ": " + e.getMessage(), e);
            }
        }
    }
}
