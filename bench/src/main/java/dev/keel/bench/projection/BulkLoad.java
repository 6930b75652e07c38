package dev.keel.bench.projection;

import dev.keel.bench.stack.Stack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The search baseline: the same documents and partial updates the app's search projection sends, as
 * {@code _bulk} requests of the same size, loaded one after another into a scratch index with the
 * app's mapping. The requests are built before the clock starts: the figure is Elasticsearch's own pace.
 */
final class BulkLoad {

    static final String INDEX = "bench-products";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BulkLoad() {
    }

    /** @return seconds of each load, into a fresh index each time */
    static double[] run(Stack stack, Search search, Path repository, int batchSize, int times) throws Exception {
        List<byte[]> requests = requests(stack, batchSize);
        double[] seconds = new double[times];
        for (int i = 0; i < times; i++) {
            seconds[i] = load(search, repository, requests);
        }
        return seconds;
    }

    private static double load(Search search, Path repository, List<byte[]> requests) throws Exception {
        search.delete(INDEX);
        search.create(INDEX, Files.readString(repository.resolve("projections/src/main/resources/elasticsearch/"
                + Search.APP_INDEX + ".json")));
        long started = System.nanoTime();
        for (byte[] request : requests) {
            search.bulk(request);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<byte[]> requests(Stack stack, int batchSize) throws Exception {
        List<byte[]> requests = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int inBody = 0;
        try (Connection c = stack.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement read = c.prepareStatement("""
                    SELECT sequence_number, payload_type, payload, time_stamp FROM domain_event_entry ORDER BY global_index""")) {
                read.setFetchSize(5000);
                try (ResultSet row = read.executeQuery()) {
                    while (row.next()) {
                        write(body, row.getLong(1), row.getString(2), JSON.readTree(row.getBytes(3)), row.getString(4));
                        if (++inBody == batchSize) {
                            requests.add(body.toByteArray());
                            body.reset();
                            inBody = 0;
                        }
                    }
                }
            }
        }
        if (inBody > 0) {
            requests.add(body.toByteArray());
        }
        return requests;
    }

    /**
     * One action line and its source line: the document ProductSearchProjection ends up with (it
     * writes whole documents, merged after reading them; nulls are left out as the client's mapper
     * does), and a price change as a partial update, which gives the same document.
     */
    private static void write(ByteArrayOutputStream body, long version, String type, JsonNode event, String at) {
        String id = event.get("productId").asString();
        ObjectNode action = JSON.createObjectNode();
        ObjectNode source;
        if (type.endsWith(".ProductCreated")) {
            action.putObject("index").put("_index", INDEX).put("_id", id);
            source = created(id, version, event, at);
        } else {
            action.putObject("update").put("_index", INDEX).put("_id", id);
            source = JSON.createObjectNode();
            ObjectNode doc = source.putObject("doc");
            doc.set("price", event.get("price"));
            doc.put("version", version);
            doc.put("updatedAt", at);
        }
        body.writeBytes((JSON.writeValueAsString(action) + "\n" + JSON.writeValueAsString(source) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode created(String id, long version, JsonNode event, String at) {
        JsonNode level = event.path("stockLevel");
        ObjectNode source = JSON.createObjectNode();
        source.put("productId", id);
        source.set("sku", event.get("sku"));
        source.set("name", event.get("name"));
        source.set("description", event.get("description"));
        source.set("price", event.get("price"));
        if (event.hasNonNull("category")) {
            source.set("category", event.get("category"));
        }
        source.set("imageUrls", event.has("imageUrls") ? event.get("imageUrls") : JSON.createArrayNode());
        if (level.hasNonNull("stock")) {
            source.set("stock", level.get("stock"));
            source.set("available", level.get("available"));
        }
        source.put("stockSequence", level.path("sequence").asLong(0));
        source.put("inStock", !level.hasNonNull("stock") || level.get("available").asLong() > 0);
        source.put("archived", false);
        source.put("version", version);
        source.put("createdAt", at);
        source.put("updatedAt", at);
        var suggest = source.putArray("suggest");
        List<String> words = List.of(event.get("name").asString().trim().split("\\s+"));
        for (int i = 0; i < Math.min(words.size(), 8); i++) {
            suggest.add(String.join(" ", words.subList(i, words.size())));
        }
        return source;
    }
}
