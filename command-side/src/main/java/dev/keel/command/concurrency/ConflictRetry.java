package dev.keel.command.concurrency;

import dev.keel.command.rejection.VersionConflict;
import dev.keel.web.DatabaseTimeLimits;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries, on the server, a command that lost to a change the client did not make: another node (or
 * transaction) appended to its aggregate first, PostgreSQL broke a deadlock by failing it, or it met a
 * cached state older than the version the client named. Each attempt runs with fresh state; at most
 * {@link #RETRIES} retries, after a short jittered pause, then the last failure stands (409).
 *
 * <p>Retrying is safe because a failed attempt left nothing behind: it ran in its own savepoint, with
 * its idempotency record, unique claims and stock rows, and all of it rolled back. A
 * {@code version-conflict} is the client's own when the store's version differs from its
 * {@code If-Match}; it then names the version the store holds, never a cached one.
 */
@Component
public class ConflictRetry {

    static final int RETRIES = 3;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final EventStore store;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    ConflictRetry(EventStore store) {
        this.store = store;
    }

    /** @param attempt sends {@code command} once, anew on each subscription */
    public <R> Mono<R> run(Object command, Supplier<Mono<R>> attempt) {
        return Mono.defer(attempt)
                .onErrorResume(failure -> original(failure) instanceof VersionConflict,
                        failure -> judge(command, (VersionConflict) original(failure), failure))
                .retryWhen(Retry.backoff(RETRIES, FIRST_PAUSE).maxBackoff(LONGEST_PAUSE).jitter(0.5)
                        .filter(failure -> notTheClients(original(failure)))
                        .doBeforeRetry(retry -> log.debug("Retrying {} after {}", command.getClass().getSimpleName(),
                                retry.failure().toString()))
                        .onRetryExhaustedThrow((spec, retry) -> retry.failure()))
                .onErrorMap(StaleState.class, StaleState::conflict);
    }

    /**
     * The failure as the handler raised it: a refusal leaves the bus as a {@link CommandExecutionException}
     * carrying its problem, with the original as cause on the node that ran it. Across Axon Server the
     * cause is gone (a remote-handling exception stands in for it), so a conflict is known by its
     * details: another node's append came first, or PostgreSQL broke a deadlock there.
     */
    private static Throwable original(Throwable failure) {
        if (!(failure instanceof CommandExecutionException carried)) {
            return failure;
        }
        if (carried.getCause() != null && !(carried.getCause() instanceof AxonServerRemoteCommandHandlingException)) {
            return carried.getCause();
        }
        return carried.getDetails()
                .filter(details -> details instanceof ConflictDetails conflict && conflict.lostToAConcurrentChange())
                .<Throwable>map(conflict -> new ConcurrencyException(carried.getMessage()))
                .orElse(failure);
    }

    static boolean notTheClients(Throwable failure) {
        return failure instanceof StaleState
                || failure instanceof ConcurrencyException
                || failure instanceof PessimisticLockingFailureException && !DatabaseTimeLimits.isTimeLimit(failure);
    }

    /** Compares the client's version with the store's, not with the state the handler saw. */
    private <R> Mono<R> judge(Object command, VersionConflict conflict, Throwable failure) {
        return Mono.fromCallable(() -> storedVersion(command))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(stored -> Mono.<R>error(stored == conflict.expected()
                        ? new StaleState(conflict.at(stored))
                        : stored == conflict.current() ? failure : conflict.at(stored)))
                .switchIfEmpty(Mono.error(failure));
    }

    /** @return {@code null} when it cannot be read: the conflict then stands as the handler saw it */
    private Long storedVersion(Object command) {
        try {
            String aggregateId = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
            return store.lastSequenceNumberFor(aggregateId).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not read the stored version for {}", command.getClass().getSimpleName(), e);
            return null;
        }
    }

    /** The handler saw an older state than the store holds, and the client named the store's version. */
    private static final class StaleState extends RuntimeException {

        private final VersionConflict conflict;

        StaleState(VersionConflict conflict) {
            super(conflict.getMessage(), null, false, false);
            this.conflict = conflict;
        }

        VersionConflict conflict() {
            return conflict;
        }
    }
}
