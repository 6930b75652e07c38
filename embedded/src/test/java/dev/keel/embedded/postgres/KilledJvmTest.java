package dev.keel.embedded.postgres;

import static dev.keel.embedded.postgres.Sql.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KilledJvmTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(60)
    void postgresStopsWithTheJvmThatStartedItEvenOnSigkill() throws Exception {
        assumeFalse(ServerUser.current().prefix().isEmpty(), "only setpriv's parent-death signal covers a SIGKILL");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = temp.resolve("data");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerInAnotherJvm.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        awaitServerStartedBy(jvm);
        Path lockFile = data.resolve("postmaster.pid");

        jvm.destroyForcibly();

        // postgres deletes its lock file last thing in a clean shutdown
        assertThat(deleted(lockFile, Duration.ofSeconds(30)))
                .as("PostgreSQL shut down after its JVM was killed, removing %s", lockFile)
                .isTrue();
        try (var restarted = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            assertThat(query(restarted, "select 1")).isEqualTo("1");
        }
    }

    private static boolean deleted(Path file, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = file.getFileSystem().newWatchService()) {
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_DELETE);
            while (Files.exists(file) && System.nanoTime() < deadline) {
                WatchKey key = watcher.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        return !Files.exists(file);
    }

    private static void awaitServerStartedBy(Process jvm) throws IOException {
        var output = new StringBuilder();
        var lines = new BufferedReader(new InputStreamReader(jvm.getInputStream()));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith(ServerInAnotherJvm.STARTED)) {
                return;
            }
            output.append(line).append('\n');
        }
        throw new AssertionError("The other JVM ended without starting PostgreSQL:\n" + output);
    }
}
