package dev.keel.app.history;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * An aggregate's state as its fields: aggregates keep their state private and have no getters, and
 * a history shows what they hold, not what they choose to tell. Value types (ids, money, instants)
 * are written as the API writes them.
 */
final class AggregateFields {

    private final JsonMapper fieldsOnly;

    AggregateFields(JsonMapper json) {
        this.fieldsOnly = json.rebuild()
                .changeDefaultVisibility(visibility -> visibility
                        .withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> of(Object aggregate) {
        return fieldsOnly.convertValue(aggregate, Map.class);
    }
}
