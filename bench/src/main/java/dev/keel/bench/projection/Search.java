package dev.keel.bench.projection;

import dev.keel.bench.load.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few Elasticsearch calls the projection phases need, over plain HTTP. */
final class Search {

    static final String APP_INDEX = "products-v2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;

    Search(String url) {
        this.base = URI.create(url);
    }

    void delete(String index) throws Exception {
        HttpResponse<byte[]> response = Http.client().send(request("/" + index).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException("DELETE /" + index + " answered " + response.statusCode());
        }
    }

    void create(String index, String definition) throws Exception {
        Http.expect(request("/" + index).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(definition)).build(), 200);
    }

    /** Sends one {@code _bulk} body; fails on any refused item. */
    void bulk(byte[] ndjson) throws Exception {
        HttpResponse<byte[]> response = Http.expect(request("/_bulk").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson)).build(), 200);
        JsonNode answer = JSON.readTree(response.body());
        if (answer.path("errors").asBoolean()) {
            throw new IllegalStateException("Elasticsearch refused part of a bulk request: "
                    + new String(response.body()).substring(0, Math.min(500, response.body().length)));
        }
    }

    long count(String index) throws Exception {
        Http.expect(request("/" + index + "/_refresh").POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        return JSON.readTree(Http.expect(request("/" + index + "/_count").GET().build(), 200).body()).path("count").asLong();
    }

    JsonNode source(String index, String id) throws Exception {
        return JSON.readTree(Http.expect(request("/" + index + "/_doc/" + id).GET().build(), 200).body()).path("_source");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1));
    }
}
