package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as a phone app runs one: a bearer token, an optional
 * {@code Last-Event-ID}, events parsed line by line as they arrive (each stamped with
 * {@link System#nanoTime()} on arrival), and a {@link #close()} that drops the connection.
 */
public final class SseClient implements AutoCloseable {

    /**
     * One dispatched block: an event (with data) or comments only.
     *
     * @param arrivedAt {@link System#nanoTime()} when its blank line was read
     */
    public record Event(String id, String event, String data, List<String> comments, long arrivedAt) {

        public boolean isComment() {
            return data == null && event == null && id == null;
        }
    }

    private final HttpClient http;
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpClient http, HttpResponse<Stream<String>> response) {
        this.http = http;
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Connects and waits for the response headers. */
    public static SseClient connect(String url, String accessToken, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        try {
            return new SseClient(http, http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            http.shutdownNow();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next block that is an event (comments are skipped), or {@code null} after the timeout. */
    public Event nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Event next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null || !next.isComment()) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next block of any kind, comments included, or {@code null} after the timeout. */
    public Event nextBlock(Duration timeout) {
        try {
            return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the server ended the stream (the reader saw its end). */
    public boolean ended() {
        return !reader.isAlive();
    }

    /** Drops the connection, as a phone losing its network does. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        List<String> comments = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (id != null || event != null || data != null || !comments.isEmpty()) {
                        received.add(new Event(id, event, data == null ? null : data.toString(), List.copyOf(comments),
                                System.nanoTime()));
                    }
                    id = null;
                    event = null;
                    data = null;
                    comments.clear();
                } else if (line.startsWith(":")) {
                    comments.add(value(line.substring(1)));
                } else if (line.startsWith("id:")) {
                    id = value(line.substring(3));
                } else if (line.startsWith("event:")) {
                    event = value(line.substring(6));
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(value(line.substring(5)));
                }
            }
        } catch (UncheckedIOException | IllegalStateException dropped) {
            // the connection was dropped
        }
    }

    private static String value(String rest) {
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }
}
