package dev.keel.app.web;

import dev.keel.app.web.ApiOperations.Operation;
import dev.keel.app.web.ApiOperations.Parameter;
import dev.keel.app.web.FuzzedRequest.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Builds requests for an operation from its OpenAPI description: first a well-formed one (values
 * that fit each schema, ids that exist), then one change that a client could get wrong. Everything
 * comes from one seeded {@link Random}, so a seed names a sequence of requests.
 */
final class RequestFuzzer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RAW = "__FUZZ_RAW__";

    private final JsonNode document;
    private final Random random;
    private final Map<String, String> knownIds;
    private int counter;

    /** @param knownIds path parameter name to an id that exists ({@code productId}, {@code accountId}, ...) */
    RequestFuzzer(JsonNode document, Random random, Map<String, String> knownIds) {
        this.document = document;
        this.random = random;
        this.knownIds = knownIds;
    }

    FuzzedRequest next(Operation operation, List<Header> authorization) {
        FuzzedRequest request = wellFormed(operation, authorization);
        int dice = random.nextInt(100);
        if (dice < 8) {
            return request;
        }
        if (dice < 20 && !operation.in("path").isEmpty()) {
            return path(operation, request);
        }
        if (dice < 30 && !operation.in("query").isEmpty()) {
            return query(operation, request);
        }
        if (dice < 50) {
            return header(request);
        }
        if (dice < 72 && operation.body() != null) {
            return field(operation, request);
        }
        if (dice < 90) {
            return body(request);
        }
        return method(request);
    }

    private FuzzedRequest wellFormed(Operation operation, List<Header> authorization) {
        counter++;
        List<Header> headers = new ArrayList<>(authorization);
        if (operation.hasHeader("Idempotency-Key")) {
            headers.add(Header.of("Idempotency-Key", uuid()));
        }
        if (operation.hasHeader("If-Match") && random.nextBoolean()) {
            headers.add(Header.of("If-Match", "\"0\""));
        }
        String target = target(operation, Map.of());
        if (operation.body() == null) {
            return new FuzzedRequest(operation.method(), target, headers, null, new byte[0], "well-formed");
        }
        byte[] body = JSON.writeValueAsBytes(valid("", operation.body()));
        return new FuzzedRequest(operation.method(), target, headers, "application/json", body, "well-formed");
    }

    private String target(Operation operation, Map<String, String> rawPathValues) {
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = rawPathValues.getOrDefault(parameter.name(),
                    encode(valid(parameter.name(), parameter.schema()).asString()));
            path = path.replace("{" + parameter.name() + "}", value);
        }
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            if (random.nextBoolean()) {
                query.add(parameter.name() + "=" + encode(valid(parameter.name(), parameter.schema()).asString()));
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** A value that fits the schema; names pick realistic strings (an email, an existing id). */
    private JsonNode valid(String name, JsonNode schema) {
        JsonNode resolved = ApiOperations.resolve(document, schema);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (resolved.has("enum")) {
            return resolved.get("enum").get(random.nextInt(resolved.get("enum").size()));
        }
        String type = resolved.path("type").asString("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                    object.set(property.getKey(), valid(property.getKey(), property.getValue()));
                }
                yield object;
            }
            case "integer", "number" -> nodes.numberNode(resolved.has("example") ? resolved.get("example").asLong()
                    : Math.max(resolved.path("minimum").asLong(0), random.nextInt(3)));
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            default -> nodes.stringNode(validText(name));
        };
    }

    private String validText(String name) {
        String lower = name.toLowerCase();
        if (knownIds.containsKey(name) && random.nextInt(3) > 0) {
            return knownIds.get(name);
        }
        if (lower.endsWith("id") && !lower.equals("deviceid")) {
            return uuid();
        }
        if (lower.contains("email")) {
            return "fuzz-" + counter + "-" + random.nextInt(1_000_000) + "@example.com";
        }
        if (lower.contains("password")) {
            return "fuzzing passphrase " + random.nextInt(1_000_000);
        }
        return switch (lower) {
            case "sku" -> "FUZZ-" + Long.toHexString(random.nextLong());
            case "currency" -> "EUR";
            case "deviceid" -> "fuzz-device-" + random.nextInt(1000);
            case "token", "refreshtoken", "idtoken" -> Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            case "q" -> "mug";
            default -> "Fuzz " + counter;
        };
    }

    private FuzzedRequest path(Operation operation, FuzzedRequest request) {
        List<Parameter> parameters = operation.in("path");
        Parameter parameter = parameters.get(random.nextInt(parameters.size()));
        String value = pick(FuzzValues.PATH_VALUES);
        String target = target(operation, Map.of(parameter.name(), value));
        if (random.nextInt(5) == 0) {
            target = random.nextBoolean() ? target + "/" : target.replace("/v1/", "/v1//");
        }
        return request.with(request.method(), target, request.headers(), request.contentType(), request.body(),
                "path " + parameter.name() + "=" + value);
    }

    private FuzzedRequest query(Operation operation, FuzzedRequest request) {
        List<Parameter> parameters = operation.in("query");
        Parameter parameter = parameters.get(random.nextInt(parameters.size()));
        String pair = random.nextInt(6) == 0 ? pick(FuzzValues.QUERY_EXTRAS) : parameter.name() + "=" + pick(FuzzValues.QUERY_VALUES);
        String base = request.target();
        String target = base + (base.contains("?") ? "&" : "?") + pair;
        return request.with(request.method(), target, request.headers(), request.contentType(), request.body(),
                "query " + pair);
    }

    private FuzzedRequest header(FuzzedRequest request) {
        String[] change = pick(FuzzValues.HEADER_CHANGES);
        String name = change[0];
        List<Header> headers = change.length > 2 && change[2].equals("add") ? new ArrayList<>(request.headers())
                : request.headersWithout(name);
        if (name.equals("Content-Type")) {
            return request.withBody(change[1].equals("<none>") ? null : change[1], request.body(),
                    "Content-Type " + change[1]);
        }
        if (!change[1].equals("<none>")) {
            headers.add(new Header(name, headerValue(change[1])));
        }
        return request.withHeaders(headers, "header " + name + ": " + change[1]);
    }

    private byte[] headerValue(String spec) {
        return switch (spec) {
            case "<uuid>" -> uuid().getBytes(StandardCharsets.US_ASCII);
            case "<long>" -> "k".repeat(300).getBytes(StandardCharsets.US_ASCII);
            case "<latin1>" -> new byte[]{'k', (byte) 0xE9, 'y'};
            case "<utf8>" -> "kéy-😀".getBytes(StandardCharsets.UTF_8);
            case "<c1>" -> new byte[]{'k', (byte) 0x85, 'y'};
            case "<huge-token>" -> ("Bearer " + "a".repeat(6000)).getBytes(StandardCharsets.US_ASCII);
            default -> spec.getBytes(StandardCharsets.UTF_8);
        };
    }

    private FuzzedRequest field(Operation operation, FuzzedRequest request) {
        if (!(valid("", operation.body()) instanceof ObjectNode body)) {
            // A body that is not an object (the Stripe webhook's raw text) has no fields to change.
            return body(request);
        }
        List<String> paths = new ArrayList<>();
        collectPaths(body, "", paths);
        String path = paths.get(random.nextInt(paths.size()));
        ObjectNode parent = parentOf(body, path);
        String name = path.substring(path.lastIndexOf('.') + 1);
        int dice = random.nextInt(10);
        if (dice == 0) {
            parent.remove(name);
            return request.withBody(request.contentType(), JSON.writeValueAsBytes(body), "without " + path);
        }
        if (dice == 1) {
            parent.put("unexpected" + random.nextInt(10), "x");
            return request.withBody(request.contentType(), JSON.writeValueAsBytes(body), "extra field beside " + path);
        }
        String label = random.nextInt(3) == 0 ? pick(FuzzValues.TEXT_EDGES) : pick(FuzzValues.WRONG_VALUES);
        parent.put(name, RAW);
        byte[] raw = rawValue(label);
        return request.withBody(request.contentType(), replaceRaw(JSON.writeValueAsBytes(body), raw),
                path + "=" + label);
    }

    private FuzzedRequest body(FuzzedRequest request) {
        String label = pick(FuzzValues.WHOLE_BODIES);
        byte[] body = switch (label) {
            case "<empty>" -> new byte[0];
            case "<duplicate first key>" -> duplicateFirstKey(request.body());
            case "<bom>" -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, request.body());
            case "<utf-16>" -> new String(request.body(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            case "<70 KB>" -> ("{\"x\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
            case "<deep>" -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
            case "<overlong>" -> concat(request.body(), new byte[]{(byte) 0xC0, (byte) 0xAF});
            default -> label.getBytes(StandardCharsets.UTF_8);
        };
        return request.withBody(request.contentType() == null ? "application/json" : request.contentType(), body,
                "body " + label);
    }

    private FuzzedRequest method(FuzzedRequest request) {
        String method = pick(FuzzValues.METHODS);
        return request.with(method, request.target(), request.headers(), request.contentType(), request.body(),
                "method " + method);
    }

    private static void collectPaths(JsonNode node, String prefix, List<String> into) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            into.add(path);
            if (property.getValue().isObject()) {
                collectPaths(property.getValue(), path, into);
            }
        }
    }

    private static ObjectNode parentOf(ObjectNode root, String path) {
        ObjectNode at = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            at = (ObjectNode) at.get(parts[i]);
        }
        return at;
    }

    private byte[] rawValue(String label) {
        return switch (label) {
            case "<deep>" -> ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.US_ASCII);
            case "<long text>" -> ("\"" + "x".repeat(10_000) + "\"").getBytes(StandardCharsets.US_ASCII);
            case "<overlong />" -> new byte[]{'"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"'};
            case "<overlong DEL>" -> new byte[]{'"', 'a', (byte) 0xC1, (byte) 0xBF, '"'};
            case "<lone continuation>" -> new byte[]{'"', (byte) 0x80, '"'};
            case "<utf-8 surrogate>" -> new byte[]{'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
            case "<truncated>" -> new byte[]{'"', 'a', (byte) 0xE2, (byte) 0x82, '"'};
            case "<raw control>" -> new byte[]{'"', 'a', 0x01, 'b', '"'};
            default -> label.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] replaceRaw(byte[] json, byte[] raw) {
        byte[] marker = ("\"" + RAW + "\"").getBytes(StandardCharsets.US_ASCII);
        String text = new String(json, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(new String(marker, StandardCharsets.ISO_8859_1));
        return concat(Arrays.copyOfRange(json, 0, at), raw,
                Arrays.copyOfRange(json, at + marker.length, json.length));
    }

    private static byte[] duplicateFirstKey(byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        int comma = json.indexOf(",\"");
        if (!json.startsWith("{") || comma < 0) {
            return "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
        }
        String first = json.substring(1, comma);
        return ("{" + first + "," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
