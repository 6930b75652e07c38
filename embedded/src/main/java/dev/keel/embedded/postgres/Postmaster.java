package dev.keel.embedded.postgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running postgres server process, its output appended to a log file so no error text is lost. */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    private static final int TAIL_BYTES = 4096;

    private final Process process;
    private final Path logFile;
    private final long logStart;
    private volatile boolean stopping;

    private Postmaster(Process process, Path logFile, long logStart) {
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    static Postmaster start(List<String> command, Path workingDirectory, Path logFile, String name) throws IOException {
        long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        var started = new CompletableFuture<Process>();
        // The parent-death signal fires when the thread that started postgres ends, not the JVM: so a
        // dedicated thread starts it and then waits on it for as long as the server lives.
        Thread.ofPlatform().daemon().name(name)
                .start(() -> startAndWait(builder, started));
        try {
            return new Postmaster(started.join(), logFile, logStart);
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static void startAndWait(ProcessBuilder builder, CompletableFuture<Process> started) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            started.completeExceptionally(e);
            return;
        }
        started.complete(process);
        while (process.isAlive()) {
            try {
                process.waitFor();
            } catch (InterruptedException ignored) {
                // Only the server's exit may end this thread
            }
        }
    }

    /** Warns when the server dies while in use, pointing at its log. */
    void warnOnUnexpectedExit(String server) {
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                log.warn("{} exited unexpectedly with code {}; its log: {}", server, p.exitValue(), logFile);
            }
        });
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    void stop(List<String> fastShutdown, Path workingDirectory) {
        stopping = true;
        if (!process.isAlive()) {
            return;
        }
        try {
            Commands.run(fastShutdown, workingDirectory);
        } catch (RuntimeException e) {
            log.warn("Could not stop PostgreSQL cleanly; killing it", e);
        }
        if (!awaitExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
        }
    }

    void kill() {
        stopping = true;
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** What the server wrote since this start, at most the last few kilobytes. */
    String logTail() {
        try (FileChannel channel = FileChannel.open(logFile)) {
            long from = Math.max(logStart, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, channel.size() - from));
            channel.read(buffer, from);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path logFile() {
        return logFile;
    }
}
