package dev.keel.app.privacy;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.privacy.DataSubjects;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Names, on every event as it is published, whose personal data its client IP and device id are
 * ({@link MetadataKeys#PERSONAL_DATA_OF}): the signed-in actor's, who sent the request from there;
 * else, for an anonymous request (sign-up, login, reset), the person the event is about. Then seals
 * both with that person's key, there and then: Axon Server's connector stores metadata value by value
 * and never asks the event serializer to write it, so sealing only when the serializer writes the
 * metadata (as under the JDBC store, which still does) would leave them in plaintext there.
 */
final class NetworkMetadataOwner implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String USER = "user:";

    private final NetworkMetadata network;

    NetworkMetadataOwner(NetworkMetadata network) {
        this.network = network;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            EventMessage<?> owned = event.getMetaData().containsKey(MetadataKeys.PERSONAL_DATA_OF) ? event
                    : ownerOf(event).<EventMessage<?>>map(owner -> event.andMetaData(Map.of(MetadataKeys.PERSONAL_DATA_OF, owner)))
                            .orElse(event);
            MetaData sealed = network.seal(owned.getMetaData());
            return sealed == owned.getMetaData() ? owned : owned.withMetaData(sealed);
        };
    }

    static Optional<String> ownerOf(EventMessage<?> event) {
        if (event.getMetaData().get(MetadataKeys.ACTOR) instanceof String actor && actor.startsWith(USER)) {
            return Optional.of(actor.substring(USER.length()));
        }
        return DataSubjects.of(event.getPayload());
    }
}
