package dev.keel.command.idempotency;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Runs inside the command's transaction (Axon attaches it before any interceptor), so the record
 * and the appended events commit or roll back together.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;

    IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        String key = (String) metadata.get(MetadataKeys.IDEMPOTENCY_KEY);
        String fingerprint = (String) metadata.get(RequestFingerprint.METADATA_KEY);
        if (key == null || fingerprint == null) {
            return chain.proceed();
        }
        String actor = (String) metadata.getOrDefault(MetadataKeys.ACTOR, "anonymous");
        Optional<IdempotencyStore.Earlier> earlier = store.claim(actor, key, fingerprint);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw new CommandRejected(CommandRejected.Kind.UNPROCESSABLE, "idempotency-key-reused",
                        "Idempotency-Key " + key + " was already used for a different request");
            }
            return earlier.get().result();
        }
        Object result = chain.proceed();
        store.complete(actor, key, result);
        return result;
    }
}
