package dev.keel.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The server named in a data directory's {@code postmaster.pid}, when one is still on its way out. */
final class PreviousServer {

    private PreviousServer() {}

    /** Waits for the previous server to exit; true when it has (or is already gone), false on timeout. */
    static boolean awaitExit(Path dataDirectory, Duration timeout) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
            var previous = ProcessHandle.of(pid);
            if (previous.isEmpty()) {
                return true;
            }
            previous.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
