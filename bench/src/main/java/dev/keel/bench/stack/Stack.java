package dev.keel.bench.stack;

import dev.keel.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.keel.embedded.postgres.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * One embedded PostgreSQL (fsync on, as Keel's launcher sets it) and one embedded Elasticsearch,
 * both in temporary folders, shared by the app and every baseline of the run.
 */
public final class Stack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);
    private static final List<String> SHOWN_SETTINGS = List.of("server_version", "fsync", "synchronous_commit",
            "wal_sync_method", "full_page_writes", "shared_buffers", "max_connections", "max_wal_size",
            "checkpoint_timeout", "shared_preload_libraries");

    private final EmbeddedPostgres postgres;
    private final EmbeddedElasticsearch elasticsearch;

    private Stack(EmbeddedPostgres postgres, EmbeddedElasticsearch elasticsearch) {
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
    }

    /** Starts both in parallel; pg_stat_statements is loaded so the profile can count statements per command. */
    public static Stack start() {
        var es = CompletableFuture.supplyAsync(() -> EmbeddedElasticsearch.builder().ephemeral().heap("512m").start());
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().ephemeral()
                    .setting("shared_preload_libraries", "pg_stat_statements")
                    .start();
        } catch (RuntimeException e) {
            es.thenAccept(EmbeddedElasticsearch::close);
            throw e;
        }
        try {
            Stack stack = new Stack(pg, es.join());
            try (Connection c = stack.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("CREATE SCHEMA IF NOT EXISTS bench");
            }
            return stack;
        } catch (RuntimeException | SQLException e) {
            pg.close();
            es.thenAccept(EmbeddedElasticsearch::close);
            throw new IllegalStateException("Could not start the embedded stack: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    public String elasticsearchUrl() {
        return elasticsearch.httpUrl();
    }

    /** The postmaster's process id, from its pid file: the root of every PostgreSQL process. */
    public long postgresPid() {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(postgres.dataDirectory().resolve("postmaster.pid"))
                    .getFirst().trim());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", postgres.username());
        properties.setProperty("password", postgres.password());
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(postgres.jdbcUrl(), properties);
    }

    /** The server version and the settings that decide what a commit costs. */
    public Map<String, String> postgresSettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : SHOWN_SETTINGS) {
                try (ResultSet row = s.executeQuery("SHOW " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
        }
        return settings;
    }

    @Override
    public void close() {
        try {
            elasticsearch.close();
        } catch (RuntimeException e) {
            log.warn("Stopping Elasticsearch failed: {}", e.toString());
        }
        postgres.close();
    }
}
