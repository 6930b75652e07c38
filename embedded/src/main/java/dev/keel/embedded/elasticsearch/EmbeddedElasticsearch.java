package dev.keel.embedded.elasticsearch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A real Elasticsearch node in a child JVM, bound to 127.0.0.1, single-node, without security.
 * The child stops when {@link #close()} closes its stdin, and equally when this JVM dies, however abruptly.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process child;
    private final String httpUrl;
    private final Path dataDirectory;
    private final boolean ephemeral;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedElasticsearch(Process child, String httpUrl, Path dataDirectory, boolean ephemeral) {
        this.child = child;
        this.httpUrl = httpUrl;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One ephemeral node for the whole JVM, started on first use and stopped when the JVM exits. */
    public static EmbeddedElasticsearch sharedEphemeral() {
        return SharedEphemeral.get();
    }

    /** For example {@code http://127.0.0.1:41234}. */
    public String httpUrl() {
        return httpUrl;
    }

    /** Stops the node and waits for its JVM to exit; an ephemeral node's directory is deleted. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeStdin();
        awaitExit();
        if (ephemeral) {
            Directories.deleteRecursively(dataDirectory);
        }
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    Process process() {
        return child;
    }

    boolean isClosed() {
        return closed.get();
    }

    private void closeStdin() {
        try {
            child.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the child has exited already: nothing left to tell it
        }
    }

    private void awaitExit() {
        try {
            if (!child.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Chooses where the data lives and how big the node is; {@link #start()} launches it. */
    public static final class Builder {

        private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

        private Path dataDirectory;
        private boolean ephemeral;
        private String heap = "512m";
        private int httpPort;

        private Builder() {
        }

        /** Data survives restarts here; the node uses {@code data/}, {@code logs/} and {@code config/} inside. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory.toAbsolutePath();
            this.ephemeral = false;
            return this;
        }

        /** Data lives in a fresh temporary directory, deleted when the node stops. */
        public Builder ephemeral() {
            this.dataDirectory = null;
            this.ephemeral = true;
            return this;
        }

        /** The child's heap in JVM notation, such as {@code 512m} (the default) or {@code 1g}. */
        public Builder heap(String heap) {
            if (!HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("heap must look like 512m or 1g, not " + heap);
            }
            this.heap = heap;
            return this;
        }

        /** A fixed HTTP port; 0, the default, takes a free one. */
        public Builder httpPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.httpPort = port;
            return this;
        }

        /** Launches the node and returns once it answers; fails with the tail of its logs if it does not. */
        public EmbeddedElasticsearch start() {
            if (dataDirectory == null && !ephemeral) {
                throw new IllegalStateException("choose dataDirectory(Path) or ephemeral() before start()");
            }
            return ChildLauncher.launch(dataDirectory, ephemeral, heap, httpPort);
        }
    }
}
