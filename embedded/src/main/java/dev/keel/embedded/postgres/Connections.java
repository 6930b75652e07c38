package dev.keel.embedded.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/** JDBC access to the embedded server, for the ready check and to create the application database. */
final class Connections {

    private Connections() {}

    static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static Connection open(int port, String database) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", Cluster.SUPERUSER);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "keel-embedded-postgres");
        return new Driver().connect(url(port, database), properties);
    }

    /** The server version, once the server answers a query. */
    static String version(int port) throws SQLException {
        try (Connection connection = open(port, "postgres");
                var statement = connection.createStatement();
                var result = statement.executeQuery("select current_setting('server_version')")) {
            result.next();
            return result.getString(1);
        }
    }

    static void createDatabaseIfMissing(int port, String name) throws SQLException {
        try (Connection connection = open(port, "postgres");
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (var result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
