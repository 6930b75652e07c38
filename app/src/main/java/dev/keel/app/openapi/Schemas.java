package dev.keel.app.openapi;

import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Schemas written by hand. Each sets its type both ways swagger-core keeps it ({@code type} for
 * OpenAPI 3.0, {@code types} for 3.1), so it prints right whichever version the document is.
 */
final class Schemas {

    static final String COMPONENTS = "#/components/schemas/";

    private Schemas() {
    }

    static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        return schema;
    }

    static Schema<Object> string() {
        return typed("string");
    }

    static Schema<Object> string(String format, String description) {
        Schema<Object> schema = string().format(format);
        return schema.description(description);
    }

    static Schema<Object> integer(String format) {
        return typed("integer").format(format);
    }

    static Schema<Object> ref(String name) {
        return new Schema<>().$ref(COMPONENTS + name);
    }

    /** The component name a {@code $ref} points at, or {@code null} when the schema is not a reference. */
    static String refName(Schema<?> schema) {
        String ref = schema == null ? null : schema.get$ref();
        return ref != null && ref.startsWith(COMPONENTS) ? ref.substring(COMPONENTS.length()) : null;
    }

    /** Lets a value be {@code null} too: {@code "type": ["string", "null"]} (3.1), {@code nullable} (3.0). */
    static void allowNull(Schema<?> schema) {
        schema.setNullable(true);
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            LinkedHashSet<String> types = new LinkedHashSet<>(schema.getTypes());
            types.add("null");
            schema.setTypes(types);
        }
    }
}
