package dev.keel.query.live;

import dev.keel.api.account.AccountId;
import dev.keel.query.changes.ChangeLogs;
import dev.keel.query.changes.OrderChange;
import dev.keel.query.changes.Start;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's stream of its order changes. With a {@code Last-Event-ID} it subscribes first (live
 * changes are held from then on), reads what it missed from the log, then continues with the held
 * and new changes, dropping any at or below the last one sent: no gap, no duplicate, commit order.
 * Heartbeat comments keep it open; it ends when the access token expires, with a
 * {@code token-expired} event, and the app reconnects with a fresh token and its last event id.
 */
@Component
class OrderStream {

    static final Duration RETRY = Duration.ofSeconds(2);
    private static final int PAGE = 500;

    private final ChangeLogs changes;
    private final OrderChangeHub hub;
    private final Duration heartbeat;

    OrderStream(ChangeLogs changes, OrderChangeHub hub, LiveProperties properties) {
        this.changes = changes;
        this.hub = hub;
        this.heartbeat = properties.heartbeat();
    }

    /** @param lastEventId the last event the client has, or {@code null} for changes from now on */
    Flux<ServerSentEvent<Object>> of(AccountId customer, Long lastEventId, Instant tokenExpiresAt) {
        return Flux.defer(() -> {
            OrderChangeHub.Subscriber live = hub.subscribe(customer);
            Flux<OrderChange> missed = lastEventId == null ? Flux.empty() : missed(customer, lastEventId);
            AtomicLong sent = new AtomicLong();
            Flux<ServerSentEvent<Object>> orders = missed.concatWith(live.changes())
                    .filter(change -> change.seq() > sent.get())
                    .doOnNext(change -> sent.set(change.seq()))
                    .map(OrderStream::event)
                    .onErrorResume(OrderChangeHub.TooSlow.class, tooSlow -> Flux.empty());
            Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat, heartbeat)
                    .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());
            Mono<Long> expiry = Mono.delay(Duration.between(Instant.now(), tokenExpiresAt).isNegative()
                    ? Duration.ZERO : Duration.between(Instant.now(), tokenExpiresAt));
            return Flux.concat(
                            Mono.just(ServerSentEvent.builder().comment("connected").retry(RETRY).build()),
                            Flux.merge(orders, heartbeats).takeUntilOther(expiry),
                            Mono.fromSupplier(OrderStream::expired))
                    .doFinally(signal -> live.close());
        });
    }

    private Flux<OrderChange> missed(AccountId customer, long lastEventId) {
        return Mono.fromCallable(() -> changes.start(lastEventId))
                .flatMapMany(start -> Mono.fromCallable(() -> changes.orderChangesOf(customer, start, PAGE))
                        .expand(page -> page.size() < PAGE ? Mono.empty() : Mono.fromCallable(() ->
                                changes.orderChangesOf(customer, new Start(page.getLast().seq(), start.afterPosition()), PAGE))))
                .flatMapIterable(page -> page)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static ServerSentEvent<Object> event(OrderChange change) {
        return ServerSentEvent.<Object>builder(new StreamedChange(change.orderId(), change.status(), change.version(),
                        change.occurredAt()))
                .id(Long.toString(change.position()))
                .event(change.eventType())
                .build();
    }

    private static ServerSentEvent<Object> expired() {
        return ServerSentEvent.<Object>builder(Map.of("reason", "The access token expired: reconnect with a fresh one "
                        + "and Last-Event-ID"))
                .event("token-expired")
                .build();
    }
}
