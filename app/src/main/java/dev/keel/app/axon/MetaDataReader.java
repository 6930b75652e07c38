package dev.keel.app.axon;

import org.axonframework.messaging.MetaData;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.Map;

/**
 * Reads event metadata as Axon's own {@code MetaDataDeserializer} does, but looks the map
 * deserializer up once instead of for every event: Axon computes correlation data, and so reads the
 * metadata, for every event a projection handles, and that lookup (it builds a key deserializer each
 * time) was a tenth of catch-up's CPU in the benchmark's profile.
 */
final class MetaDataReader extends ValueDeserializer<MetaData> {

    volatile ValueDeserializer<Object> map;

    /** Registered after Axon's module, so it is the one Jackson finds for {@link MetaData}. */
    static SimpleModule module() {
        return new SimpleModule("keel-metadata").addDeserializer(MetaData.class, new MetaDataReader());
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types) {
        return types.deserializeTypedFromObject(parser, context);
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) {
        ValueDeserializer<Object> known = map;
        if (known == null) {
            known = context.findRootValueDeserializer(
                    context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            map = known;
        }
        return MetaData.from((Map<String, ?>) known.deserialize(parser, context));
    }
}
