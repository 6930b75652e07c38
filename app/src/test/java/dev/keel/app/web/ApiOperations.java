package dev.keel.app.web;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operations a served OpenAPI document describes, with their schemas' {@code $ref}s resolved. */
record ApiOperations(List<Operation> all) {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    record Parameter(String in, String name, JsonNode schema) {
    }

    /**
     * @param body    the request body's schema, resolved; {@code null} when it takes none
     * @param secured whether the operation declares a security requirement
     */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode body, boolean secured) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        boolean hasHeader(String name) {
            return in("header").stream().anyMatch(parameter -> parameter.name().equalsIgnoreCase(name));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static ApiOperations of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode spec = operation.getValue();
                if (spec.path("responses").path("200").path("content").has("text/event-stream")) {
                    // An event stream's answer does not end while its token lasts; OrderStreamIntegrationTest
                    // checks how it refuses what it refuses.
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : spec.path("parameters")) {
                    parameters.add(new Parameter(parameter.get("in").asString(), parameter.get("name").asString(),
                            resolve(document, parameter.path("schema"))));
                }
                JsonNode content = spec.path("requestBody").path("content");
                JsonNode body = content.isEmpty() ? null
                        : resolve(document, content.properties().iterator().next().getValue().path("schema"));
                boolean secured = !spec.path("security").isEmpty() || !document.path("security").isEmpty();
                operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), parameters, body, secured));
            }
        }
        return new ApiOperations(List.copyOf(operations));
    }

    /** Follows {@code $ref}s into {@code components}; nested ones are resolved when they are walked. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            at = document.at(at.get("$ref").asString().substring(1));
        }
        return at;
    }
}
