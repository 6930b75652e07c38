package dev.keel.bench.profile;

import dev.keel.bench.stack.KeelApp;
import dev.keel.bench.stack.Stack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the command path spends its time: a JFR recording of the app during the command phase
 * (summarized by {@link StackSummary}) and PostgreSQL's own statement counts and times for the
 * measured window (pg_stat_statements). Written to target/bench/profile-commands.txt.
 */
public final class Profiler {

    private static final Logger log = LoggerFactory.getLogger(Profiler.class);

    private final Stack stack;
    private final Path output;
    private KeelApp app;
    private long commitsBefore;
    private String statements = "";

    public Profiler(Stack stack, Path output) {
        this.stack = stack;
        this.output = output;
    }

    public void attach(KeelApp app) {
        this.app = app;
    }

    public void startCommandProfile() {
        app.jcmd("JFR.start", "name=commands", "settings=profile");
    }

    public void resetStatements() {
        try (Connection c = stack.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
            commitsBefore = commits(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset pg_stat_statements: " + e.getMessage(), e);
        }
    }

    /** Statements of the measured window, most called first, with calls per second and mean time. */
    public void readStatements(Duration window) {
        StringBuilder out = new StringBuilder();
        try (Connection c = stack.connect(); Statement s = c.createStatement()) {
            long commits = commits(s) - commitsBefore;
            out.append(String.format(Locale.ROOT, "PostgreSQL: %d transactions committed (%.0f/s)%n", commits,
                    commits / (double) window.toSeconds()));
            out.append("   calls/s  mean ms  total s  statement\n");
            try (ResultSet rows = s.executeQuery("""
                    SELECT calls, mean_exec_time, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements
                    WHERE query NOT LIKE '%pg_stat%'
                    ORDER BY total_exec_time DESC LIMIT 15""")) {
                while (rows.next()) {
                    String query = rows.getString(4);
                    out.append(String.format(Locale.ROOT, "  %8.0f %8.3f %8.2f  %s%n", rows.getLong(1) / (double) window.toSeconds(),
                            rows.getDouble(2), rows.getDouble(3) / 1000, query.length() > 110 ? query.substring(0, 110) + "…" : query));
                }
            }
        } catch (SQLException e) {
            out.append("(pg_stat_statements unavailable: ").append(e.getMessage()).append(")\n");
        }
        statements = out.toString();
    }

    /** Stops the recording and writes the summary; a failure here is reported, never fatal to the run. */
    public void stopCommandProfile(long commands) {
        Path recording = output.resolve("commands.jfr");
        try {
            Files.deleteIfExists(recording);
            app.jcmd("JFR.stop", "name=commands", "filename=" + recording);
            String summary = "Command phase profile (create-product over HTTP, measured window plus warm-up)\n\n"
                    + statements + "\n" + StackSummary.summarize(recording, commands);
            Files.writeString(output.resolve("profile-commands.txt"), summary);
            log.info("Command profile written to {}", output.resolve("profile-commands.txt"));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the command profile: {}", e.toString());
        }
    }

    private static long commits(Statement s) throws SQLException {
        try (ResultSet row = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
