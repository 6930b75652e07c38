package dev.keel.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static Connection open(int port, String password, String database) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", Cluster.SUPERUSER);
        properties.setProperty("password", password);
        // Bounds the wait when whatever holds the port never answers like PostgreSQL
        properties.setProperty("loginTimeout", "2");
        properties.setProperty("ApplicationName", "keel-embedded-postgres");
        return new Driver().connect(url(port, database), properties);
    }

    /** Which server answers on a port: another one may have taken it between choosing it and binding it. */
    record Identity(String version, Path dataDirectory) {

        boolean serves(Path expected) {
            try {
                return Files.isSameFile(dataDirectory, expected);
            } catch (IOException e) {
                return false;
            }
        }
    }

    static Identity identify(int port, String password) throws SQLException {
        try (Connection connection = open(port, password, "postgres");
                var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select current_setting('server_version'), current_setting('data_directory')")) {
            result.next();
            return new Identity(result.getString(1), Path.of(result.getString(2)));
        }
    }

    static void createDatabaseIfMissing(int port, String password, String name) throws SQLException {
        try (Connection connection = open(port, password, "postgres");
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
