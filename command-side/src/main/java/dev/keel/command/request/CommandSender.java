package dev.keel.command.request;

import dev.keel.command.concurrency.ConflictRetry;
import dev.keel.command.idempotency.IdempotencyKey;
import dev.keel.command.idempotency.RequestFingerprint;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way endpoints send commands: adds the request's metadata (actor, roles, device, IP,
 * correlation, idempotency key and fingerprint), retries conflicts the client did not cause, and maps
 * a refusal to its problem detail.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final JsonMapper json;
    private final RequestFingerprint fingerprints;
    private final ConflictRetry conflicts;

    CommandSender(CommandGateway gateway, JsonMapper json, RequestFingerprint fingerprints, ConflictRetry conflicts) {
        this.gateway = gateway;
        this.json = json;
        this.fingerprints = fingerprints;
        this.conflicts = conflicts;
    }

    /**
     * @param body    the request body as parsed, all of it, for the idempotency fingerprint ({@code null} if none)
     * @param command the command to send
     * @return the command handler's result; the first result again when the request is a retry
     */
    public <R> Mono<R> send(ServerWebExchange exchange, Object body, Object command) {
        IdempotencyKey key = IdempotencyKey.from(exchange.getRequest());
        return send(exchange, command, key, fingerprint(exchange, body));
    }

    /**
     * For a command that creates an aggregate: its id is derived from the caller, the
     * {@code Idempotency-Key} and the request's fingerprint, so a retry names the same aggregate. Where
     * the first attempt's events were stored but its PostgreSQL side was lost (Axon Server), the retry
     * finds them under that id instead of creating a second aggregate (docs/axon-server.md, "Two stores").
     *
     * @param command the command, given the new aggregate's id
     */
    public <R> Mono<R> create(ServerWebExchange exchange, Object body, Function<UUID, Object> command) {
        IdempotencyKey key = IdempotencyKey.from(exchange.getRequest());
        String fingerprint = fingerprint(exchange, body);
        return exchange.getPrincipal()
                .map(CommandSender::actorOf)
                .defaultIfEmpty(actorOf(null))
                .flatMap(actor -> send(exchange, command.apply(UUID.nameUUIDFromBytes(
                        (actor + '\n' + key.value() + '\n' + fingerprint).getBytes(StandardCharsets.UTF_8))),
                        key, fingerprint));
    }

    /**
     * For requests that are not retry-safe by nature (login, refresh, logout: each rotates or ends
     * something), so they carry no {@code Idempotency-Key}; the events still get the request metadata.
     */
    public <R> Mono<R> sendWithoutKey(ServerWebExchange exchange, Object command) {
        return send(exchange, command, null, null);
    }

    private <R> Mono<R> send(ServerWebExchange exchange, Object command, IdempotencyKey key, String fingerprint) {
        return exchange.getPrincipal()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(principal -> RequestMetadata.of(exchange, principal.orElse(null), key, fingerprint))
                .flatMap(metadata -> conflicts.run(command, () -> this.<R>dispatch(command, metadata)))
                .onErrorMap(CommandProblems::toErrorResponse);
    }

    private <R> Mono<R> dispatch(Object command, MetaData metadata) {
        // The bus only queues the command; a committer runs it and completes the future. The response is
        // then written on another thread, so the committer goes straight back to the database.
        return Mono.fromFuture(() -> gateway.<R>send(command, metadata)).publishOn(Schedulers.parallel());
    }

    private String fingerprint(ServerWebExchange exchange, Object body) {
        return fingerprints.of(exchange.getRequest(), json.writeValueAsBytes(body));
    }

    static String actorOf(Principal principal) {
        return principal == null ? "anonymous" : "user:" + principal.getName();
    }
}
