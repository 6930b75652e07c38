package dev.keel.app.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Brings every module's tables up to date before anything uses the database
 * ({@link SchemaMigrationsDetector} makes JDBC users wait for it, as for Boot's own Flyway). Nodes
 * starting together take turns under an advisory lock. A database made when all modules shared one
 * history is taken over as it is ({@link SharedHistory}).
 */
class SchemaMigrations implements InitializingBean {

    /** "keel" in ASCII: the advisory lock that migrating nodes queue on. */
    static final long LOCK = 0x6b65656cL;

    private final DataSource dataSource;
    private final List<ModuleSchema> modules;

    SchemaMigrations(DataSource dataSource, List<ModuleSchema> modules) {
        this.dataSource = dataSource;
        this.modules = List.copyOf(modules);
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                SharedHistory shared = new SharedHistory(connection);
                Map<String, Integer> taken = shared.versionsPerModule();
                modules.forEach(schema -> flyway(schema, taken.getOrDefault(schema.module(), 0)).migrate());
                shared.retire();
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        }
    }

    /**
     * @param baseline the version the module's tables are at already, where no history of its own
     *                 says so: 0 for a new database, where the first module's tables already make the
     *                 schema non-empty for the others; the shared history's for an older database
     */
    private Flyway flyway(ModuleSchema schema, int baseline) {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(schema.location())
                .failOnMissingLocations(true)
                .table(schema.historyTable())
                .baselineOnMigrate(true)
                .baselineVersion(Integer.toString(baseline))
                .baselineDescription(baseline == 0 ? "no tables of this module yet"
                        : "taken over from " + SharedHistory.TABLE)
                .load();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
