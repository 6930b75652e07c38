package dev.keel.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** From binaries in a jar to a server that answers on the application database. */
final class Launch {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private Launch() {}

    /** A null data directory means ephemeral. */
    static EmbeddedPostgres run(Path dataDirectory, Map<String, String> settings, boolean shared)
            throws IOException, SQLException {
        long started = System.nanoTime();
        ServerUser user = ServerUser.current();
        Path installation = Binaries.install();
        boolean ephemeral = dataDirectory == null;
        Path data = ephemeral ? Files.createTempDirectory("keel-postgres-data-") : dataDirectory;
        try {
            var cluster = new Cluster(user, installation, data);
            cluster.prepare();
            boolean created = !cluster.initialized();
            Map<String, String> serverSettings = serverSettings(settings);
            String password = created ? Credentials.initialize(cluster) : Credentials.ofExisting(cluster, serverSettings);
            Startup.Running running = Startup.start(cluster, serverSettings, password);
            createDatabase(cluster, running);
            var server = new EmbeddedPostgres(cluster, running, ephemeral, shared);
            Instances.remember(server);
            running.postmaster().warnOnUnexpectedExit("PostgreSQL on port " + running.port());
            log.info("PostgreSQL {} ready on port {} in {} ms ({} data directory {}, running as {})", running.version(),
                    running.port(), (System.nanoTime() - started) / 1_000_000, created ? "new" : "existing", data,
                    user.name());
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            if (ephemeral) {
                Folders.deleteQuietly(data);
            }
            throw e;
        }
    }

    private static void createDatabase(Cluster cluster, Startup.Running running) throws SQLException {
        try {
            Connections.createDatabaseIfMissing(running.port(), running.password(), EmbeddedPostgres.DATABASE);
        } catch (SQLException | RuntimeException e) {
            cluster.stop(running.postmaster());
            throw e;
        }
    }

    private static Map<String, String> serverSettings(Map<String, String> settings) {
        var all = new LinkedHashMap<>(settings);
        // Loopback only; no Unix socket, so no fight over /tmp or /var/run
        all.put("listen_addresses", "127.0.0.1");
        all.put("unix_socket_directories", "");
        return all;
    }
}
