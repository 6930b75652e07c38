package dev.keel.app.openapi;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of the OpenAPI document, as far as Keel's documents use
 * schemas: {@code $ref}, types, {@code nullable}, {@code required}, properties (a property the schema
 * does not declare is a finding, unless it allows {@code additionalProperties}), items, enums,
 * patterns and the {@code uuid} and {@code date-time} formats.
 */
final class SchemaCheck {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** @return what does not fit, one line each with the JSON path; empty when the value fits */
    List<String> check(JsonNode value, JsonNode schema) {
        List<String> findings = new ArrayList<>();
        check(value, schema, "$", findings);
        return findings;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> findings) {
        JsonNode resolved = resolve(schema);
        if (value.isNull()) {
            if (!resolved.path("nullable").asBoolean() && !types(resolved).contains("null")) {
                findings.add(path + " is null, and its schema does not allow null");
            }
            return;
        }
        if (resolved.has("enum") && resolved.get("enum").valueStream().noneMatch(value::equals)) {
            findings.add(path + " is " + value + ", not one of " + resolved.get("enum"));
        }
        Set<String> types = types(resolved);
        if (types.isEmpty()) {
            return;
        }
        if (types.contains("object") && value.isObject()) {
            object(value, resolved, path, findings);
        } else if (types.contains("array") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), resolved.path("items"), path + "[" + i + "]", findings);
            }
        } else if (types.contains("string") && value.isString()) {
            string(value.asString(), resolved, path, findings);
        } else if (!(types.contains("integer") && value.isIntegralNumber()
                || types.contains("number") && value.isNumber()
                || types.contains("boolean") && value.isBoolean())) {
            findings.add(path + " is " + value.getNodeType() + ", the schema says " + types);
        }
    }

    private void object(JsonNode value, JsonNode schema, String path, List<String> findings) {
        JsonNode properties = schema.path("properties");
        schema.path("required").valueStream().map(JsonNode::asString)
                .filter(name -> !value.has(name))
                .forEach(name -> findings.add(path + "." + name + " is required but missing"));
        for (var property : value.properties()) {
            if (properties.has(property.getKey())) {
                check(property.getValue(), properties.get(property.getKey()), path + "." + property.getKey(), findings);
            } else if (!schema.has("additionalProperties") || schema.get("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                findings.add(path + "." + property.getKey() + " is not in the schema");
            }
        }
    }

    private static void string(String value, JsonNode schema, String path, List<String> findings) {
        String format = schema.path("format").asString("");
        if (format.equals("uuid") && !UUID.matcher(value).matches()) {
            findings.add(path + " is not a uuid: " + value);
        }
        if (format.equals("date-time")) {
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                findings.add(path + " is not a date-time: " + value);
            }
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(value).find()) {
            findings.add(path + " does not match " + schema.get("pattern").asString() + ": " + value);
        }
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        while (at.has("$ref")) {
            at = document.at(at.get("$ref").asString().substring(1));
        }
        return at;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            return Set.copyOf(type.valueStream().map(JsonNode::asString).toList());
        }
        return type.isString() ? Set.of(type.asString()) : Set.of();
    }
}
