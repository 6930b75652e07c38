package dev.keel.bench.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The app's event processors as {@code /actuator/health} reports them to STAFF (in-memory positions, no
 * lag).
 */
public final class Processors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final KeelApp app;
    private final String staffToken;

    public Processors(KeelApp app) {
        this.app = app;
        this.staffToken = app.staffToken();
    }

    /** The lowest position over the processor's segments, empty while it has none. */
    public OptionalLong position(String processor) {
        JsonNode details = health().path("components").path("eventProcessors").path("details").path(processor);
        JsonNode position = details.path("position");
        return position.isNumber() && details.path("claimedSegments").asInt() > 0
                ? OptionalLong.of(position.asLong()) : OptionalLong.empty();
    }

    /** Waits until every listed processor has reached {@code head}; fails with the health document if not in time. */
    public void awaitPosition(long head, Duration timeout, String... processors) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(head, processors)) {
            if (System.nanoTime() > deadline || !app.isAlive()) {
                throw new IllegalStateException("Processors " + String.join(", ", processors) + " did not reach position "
                        + head + " within " + timeout.toSeconds() + " s; health: " + health() + "\n" + app.logTail());
            }
            KeelApp.sleep(100);
        }
    }

    public boolean reached(long head, String... processors) {
        for (String processor : processors) {
            if (position(processor).orElse(-1) < head) {
                return false;
            }
        }
        return true;
    }

    public JsonNode health() {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(app.base().resolve("/actuator/health"))
                    .header("Authorization", "Bearer " + staffToken)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the app's health: " + e.getMessage(), e);
        }
    }
}
