package dev.keel.app.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Keel's value types as they travel in JSON rather than as Java holds them, and records as complete
 * objects:
 * <ul>
 *   <li>{@link Currency}: its ISO 4217 code, a string ({@code "EUR"}), not the object Java has;</li>
 *   <li>a typed id (a record of one {@link UUID} written through {@link JsonValue}, like
 *   {@code ProductId}): a {@code uuid} string, in bodies and in paths;</li>
 *   <li>a record of Keel's: every component is {@code required}, because Keel writes every one of
 *   them, null or not; one that can be null says so with JSpecify's {@link Nullable} and is
 *   documented as nullable (and, in a request, as one a client may leave out).</li>
 * </ul>
 * Times ({@code Instant}) are {@code date-time} strings and enums are enums without help.
 */
final class ValueTypeSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (raw == Currency.class) {
            return currency();
        }
        if (isTypedId(raw)) {
            return Schemas.string("uuid", null);
        }
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema != null && raw.isRecord() && raw.getName().startsWith("dev.keel.")) {
            Schema<?> model = Schemas.refName(schema) == null ? schema
                    : context.getDefinedModels().get(Schemas.refName(schema));
            if (model != null) {
                completeRecord(model, raw);
            }
        }
        return schema;
    }

    static Schema<Object> currency() {
        Schema<Object> schema = Schemas.string(null, "ISO 4217 currency code, upper case");
        schema.setPattern("^[A-Z]{3}$");
        schema.setExample("EUR");
        return schema;
    }

    /** A record of one UUID that Jackson writes as a plain value: {@code ProductId}, {@code AccountId}, ... */
    static boolean isTypedId(Class<?> type) {
        if (!type.isRecord() || type.getRecordComponents().length != 1
                || type.getRecordComponents()[0].getType() != UUID.class) {
            return false;
        }
        return Arrays.stream(type.getMethods()).anyMatch(method -> method.isAnnotationPresent(JsonValue.class));
    }

    private static void completeRecord(Schema<?> model, Class<?> record) {
        if (model.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>(model.getRequired() == null ? List.of() : model.getRequired());
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            Schema<?> property = model.getProperties().get(name);
            if (property == null) {
                continue;
            }
            if (isNullable(component)) {
                // null allowed, but the field must be there: {"stock": null} (a body that forgot it must not mean null)
                if (!mustBePresent(component)) {
                    required.remove(name);
                }
                Schemas.allowNull(property);
            } else if (!required.contains(name)) {
                required.add(name);
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    private static boolean mustBePresent(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonProperty.class);
        }
        return property != null && property.required();
    }

    private static String jsonName(RecordComponent component) {
        Method accessor = component.getAccessor();
        JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = component.getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    /** JSpecify's {@code @Nullable} is a type-use annotation: on the component's type, not the component. */
    static boolean isNullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                || component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(Nullable.class);
    }
}
