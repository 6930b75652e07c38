package dev.keel.embedded.elasticsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the one line the child prints on stdout once its node is usable. */
final class ReadySignal {

    static final String URL_PREFIX = "ES_HTTP_URL=";

    private ReadySignal() {
    }

    /** The node's HTTP URL; fails if the child exits first or stays silent past the timeout. */
    static String await(Process child, Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("keel-elasticsearch-stdout").start(() -> read(child, url));
        child.onExit().thenRun(() -> url.completeExceptionally(
            new IllegalStateException("its JVM exited with code " + child.exitValue() + " before it was ready")));
        try {
            return url.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    // keeps reading after the URL, so the pipe never fills up and blocks the child
    private static void read(Process child, CompletableFuture<String> url) {
        try (var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(URL_PREFIX)) {
                    url.complete(line.substring(URL_PREFIX.length()).strip());
                }
            }
        } catch (IOException e) {
            url.completeExceptionally(new UncheckedIOException("its JVM's output could not be read", e));
        }
    }
}
