package dev.keel.embedded.elasticsearch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Launches the child JVM and waits until its node answers, or explains why it did not. */
final class ChildLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    /** Generous: on a loaded 2-core machine a cold start has taken over a minute; past this it is broken, not slow. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final int TAIL_LINES = 40;

    private ChildLauncher() {
    }

    static EmbeddedElasticsearch launch(Path dataDirectory, boolean ephemeral, String heap, int httpPort) {
        ChildClasspath classpath = ChildClasspath.load();
        Path home = ephemeral ? Directories.createTemporary() : Directories.create(dataDirectory);
        Path stderr = Directories.create(home.resolve("logs")).resolve("jvm-stderr.log");
        long started = System.nanoTime();
        Process child = start(new ProcessBuilder(ChildJvm.command(classpath, home, heap, httpPort, ephemeral))
            .redirectError(Redirect.appendTo(stderr.toFile())));
        try {
            String url = ReadySignal.await(child, STARTUP_TIMEOUT);
            log.info("Elasticsearch {} ready at {} in {} ms (data: {})", classpath.elasticsearchVersion(), url,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), ephemeral ? "ephemeral, " + home : home);
            return new EmbeddedElasticsearch(child, url, home, ephemeral);
        } catch (TimeoutException e) {
            throw failed(child, home, ephemeral, "it did not report ready within " + STARTUP_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(child, home, ephemeral, "this thread was interrupted", e);
        } catch (RuntimeException e) {
            throw failed(child, home, ephemeral, e.getMessage(), e);
        }
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Elasticsearch JVM: " + builder.command(), e);
        }
    }

    private static IllegalStateException failed(Process child, Path home, boolean ephemeral, String what, Exception cause) {
        child.destroyForcibly();
        child.onExit().join();
        String message = "Embedded Elasticsearch failed to start: " + what + " (data: " + home + ")"
            + tail(home.resolve("logs").resolve("jvm-stderr.log"))
            + tail(home.resolve("logs").resolve("elasticsearch.log"));
        if (ephemeral) {
            Directories.deleteRecursively(home);
        }
        return new IllegalStateException(message, cause);
    }

    private static String tail(Path log) {
        return System.lineSeparator() + "--- last lines of " + log + " ---" + System.lineSeparator()
            + LogTail.of(log, TAIL_LINES);
    }
}
