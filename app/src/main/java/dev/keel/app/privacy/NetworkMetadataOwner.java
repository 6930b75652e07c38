package dev.keel.app.privacy;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.privacy.DataSubjects;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Names, on every event as it is published, whose personal data its client IP and device id are
 * ({@link MetadataKeys#PERSONAL_DATA_OF}): the signed-in actor's, who sent the request from there;
 * else, for an anonymous request (sign-up, login, reset), the person the event is about. The event
 * serializer then seals both with that person's key.
 */
final class NetworkMetadataOwner implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String USER = "user:";

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> event.getMetaData().containsKey(MetadataKeys.PERSONAL_DATA_OF) ? event
                : ownerOf(event).<EventMessage<?>>map(owner -> event.andMetaData(Map.of(MetadataKeys.PERSONAL_DATA_OF, owner)))
                        .orElse(event);
    }

    static Optional<String> ownerOf(EventMessage<?> event) {
        if (event.getMetaData().get(MetadataKeys.ACTOR) instanceof String actor && actor.startsWith(USER)) {
            return Optional.of(actor.substring(USER.length()));
        }
        return DataSubjects.of(event.getPayload());
    }
}
