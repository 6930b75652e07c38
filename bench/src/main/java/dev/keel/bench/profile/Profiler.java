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
 * Where the app spends its time in a phase: a JFR recording of the app (summarized by
 * {@link StackSummary}) and PostgreSQL's own statement counts and times for the measured window
 * (pg_stat_statements). Written to target/bench/profile-&lt;phase&gt;.txt, the recording beside it.
 */
public final class Profiler {

    private static final Logger log = LoggerFactory.getLogger(Profiler.class);

    private final Stack stack;
    private final Path output;
    private final boolean jfr;
    private long commitsBefore;
    private String statements = "";

    /** @param jfr whether to record with JFR; the statement counts are always taken */
    public Profiler(Stack stack, Path output, boolean jfr) {
        this.stack = stack;
        this.output = output;
        this.jfr = jfr;
    }

    public void startRecording(KeelApp app, String phase) {
        if (!jfr) {
            return;
        }
        app.jcmd("JFR.start", "name=" + phase, "settings=profile");
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
        statements = statements(window);
    }

    private String statements(Duration window) {
        StringBuilder out = new StringBuilder();
        try (Connection c = stack.connect(); Statement s = c.createStatement()) {
            long commits = commits(s) - commitsBefore;
            double seconds = window.toNanos() / 1e9;
            out.append(String.format(Locale.ROOT, "PostgreSQL: %d transactions committed (%.0f/s)%n", commits, commits / seconds));
            out.append("   calls/s  mean ms  total s  statement\n");
            try (ResultSet rows = s.executeQuery("""
                    SELECT calls, mean_exec_time, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements
                    WHERE query NOT LIKE '%pg_stat%'
                    ORDER BY total_exec_time DESC LIMIT 15""")) {
                while (rows.next()) {
                    String query = rows.getString(4);
                    out.append(String.format(Locale.ROOT, "  %8.0f %8.3f %8.2f  %s%n", rows.getLong(1) / seconds,
                            rows.getDouble(2), rows.getDouble(3) / 1000, query.length() > 110 ? query.substring(0, 110) + "…" : query));
                }
            }
        } catch (SQLException e) {
            out.append("(pg_stat_statements unavailable: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    /**
     * Stops the recording and writes the summary; a failure here is reported, never fatal to the run.
     *
     * @param units what the phase counted ({@code commands}, {@code events}) and how many
     */
    public void stopRecording(KeelApp app, String phase, String title, String units, long count) {
        Path recording = output.resolve(phase + ".jfr");
        Path summary = output.resolve("profile-" + phase + ".txt");
        try {
            if (!jfr) {
                Files.writeString(summary, title + "\n\n" + statements + "\n(JFR off: BENCH_PROFILE=0)\n");
                return;
            }
            Files.deleteIfExists(recording);
            app.jcmd("JFR.stop", "name=" + phase, "filename=" + recording);
            Files.writeString(summary, title + "\n\n" + statements + "\n" + StackSummary.summarize(recording, units, count));
            log.info("Profile written to {}", summary);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the {} profile: {}", phase, e.toString());
        }
    }

    private static long commits(Statement s) throws SQLException {
        try (ResultSet row = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
