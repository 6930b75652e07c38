package dev.keel.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A nullable field of a record is optional in a request (a client may leave it out), but in an answer
 * Keel writes it all the same, as {@code null}: so in schemas that only answers use, it is required
 * (and nullable), and a generated client types it {@code Date | null}, not {@code Date | undefined}.
 */
final class NullableResponseFields implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        if (schemas == null || openApi.getPaths() == null) {
            return;
        }
        List<Operation> operations = openApi.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream()).toList();
        Set<String> answered = reachable(schemas, operations.stream()
                .flatMap(operation -> Objects.requireNonNullElse(operation.getResponses(),
                        new io.swagger.v3.oas.models.responses.ApiResponses()).entrySet().stream()
                        .filter(response -> response.getKey().startsWith("2"))
                        .map(response -> response.getValue().getContent())));
        Set<String> sent = reachable(schemas, operations.stream()
                .map(operation -> operation.getRequestBody() == null ? null : operation.getRequestBody().getContent()));
        answered.removeAll(sent);
        for (String name : answered) {
            Schema<?> schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            List<String> required = new ArrayList<>(Objects.requireNonNullElse(schema.getRequired(), List.of()));
            schema.getProperties().forEach((property, value) -> {
                if (isNullable(value) && !required.contains(property)) {
                    required.add(property);
                }
            });
            schema.setRequired(required);
        }
    }

    private static boolean isNullable(Schema<?> schema) {
        return Boolean.TRUE.equals(schema.getNullable()) || schema.getTypes() != null && schema.getTypes().contains("null");
    }

    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(Map<String, Schema> schemas, Stream<Content> contents) {
        Set<String> names = new HashSet<>();
        List<Schema> pending = new ArrayList<>();
        contents.filter(Objects::nonNull).flatMap(content -> content.values().stream())
                .map(mediaType -> (Schema) mediaType.getSchema()).filter(Objects::nonNull).forEach(pending::add);
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.removeLast();
            String name = Schemas.refName(schema);
            if (name != null) {
                if (names.add(name) && schemas.get(name) != null) {
                    pending.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::add);
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                    .forEach(pending::addAll);
        }
        return names;
    }
}
