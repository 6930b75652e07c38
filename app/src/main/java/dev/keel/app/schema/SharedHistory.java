package dev.keel.app.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keel's one Flyway history from before each module had its own: {@code flyway_schema_history},
 * versions numbered across modules (V1 app, V2 command, V3 projections, V4 app, V5 command, V6
 * projections). An existing database keeps working: each module's history starts at the version its
 * migrations had reached there, and the old table is renamed so it is never read again.
 */
final class SharedHistory {

    static final String TABLE = "flyway_schema_history";
    static final String RETIRED = "flyway_schema_history_before_modules";

    /** Where each version of the shared history went. */
    private record Moved(String module, int version) {
    }

    private static final Map<String, Moved> MOVED = Map.of(
            "1", new Moved("app", 1), "2", new Moved("command", 1), "3", new Moved("projections", 1),
            "4", new Moved("app", 2), "5", new Moved("command", 2), "6", new Moved("projections", 2));

    private final Connection connection;

    SharedHistory(Connection connection) {
        this.connection = connection;
    }

    /**
     * @return per module, the version its tables reached under the shared history (none when there is none)
     * @throws IllegalStateException naming what to do when the shared history holds a failed migration or
     *                               a version this Keel does not know
     */
    Map<String, Integer> versionsPerModule() throws SQLException {
        Map<String, Integer> versions = new HashMap<>();
        if (!exists()) {
            return versions;
        }
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version, success FROM " + TABLE + " WHERE version IS NOT NULL")) {
            while (rows.next()) {
                String version = rows.getString("version");
                Moved moved = MOVED.get(version);
                if (!rows.getBoolean("success") || moved == null) {
                    throw new IllegalStateException(refusal(version, rows.getBoolean("success")));
                }
                versions.merge(moved.module(), moved.version(), Math::max);
            }
        }
        return versions;
    }

    /** Once every module has a history of its own, the shared one is kept for the record only. */
    void retire() throws SQLException {
        if (exists()) {
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + TABLE + " RENAME TO " + RETIRED);
            }
        }
    }

    private boolean exists() throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static String refusal(String version, boolean success) {
        String problem = success
                ? "holds version " + version + ", which this Keel does not know (was the database migrated by a"
                + " newer Keel?); run the Keel that made it, or start from an empty database"
                : "records a failed migration, version " + version + "; restore the database from a backup, or"
                + " remove that row once the migration's changes are undone";
        return "Cannot take over the database's schema history: " + TABLE + " " + problem + ". Keel now keeps"
                + " one history per module (flyway_schema_history_<module>) and takes the old one over on start.";
    }
}
