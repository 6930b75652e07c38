package dev.keel.command.request;

import dev.keel.api.metadata.MetadataKeys;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies who-and-why metadata from a message to every message it causes (a command's events, a
 * saga's commands), and records the direct cause.
 */
@Component
class KeelCorrelationData implements CorrelationDataProvider {

    private static final List<String> INHERITED = List.of(MetadataKeys.ACTOR, MetadataKeys.ROLES,
            MetadataKeys.DEVICE_ID, MetadataKeys.CLIENT_IP, MetadataKeys.IDEMPOTENCY_KEY);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        INHERITED.forEach(key -> {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        });
        data.put(MetadataKeys.CORRELATION_ID,
                message.getMetaData().getOrDefault(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
