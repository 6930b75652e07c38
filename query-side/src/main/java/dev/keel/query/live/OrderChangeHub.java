package dev.keel.query.live;

import dev.keel.api.account.AccountId;
import dev.keel.query.changes.OrderChange;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's stream subscribers, by account. A subscriber buffers what arrives from the moment it
 * subscribes, before it reads its backlog, so nothing falls between the two; one that falls too far
 * behind is ended (it resumes with {@code Last-Event-ID}) rather than held in memory.
 */
@Component
class OrderChangeHub {

    /** The stream of a subscriber that could not keep up ends with this. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("The client read slower than its orders changed; it resumes with Last-Event-ID", null, false, false);
        }
    }

    private final Map<AccountId, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final int buffer;

    OrderChangeHub(LiveProperties properties) {
        this.buffer = properties.buffer();
    }

    Subscriber subscribe(AccountId accountId) {
        Subscriber subscriber = new Subscriber(accountId, Sinks.many().unicast()
                .onBackpressureBuffer(Queues.<OrderChange>get(buffer).get()));
        subscribers.computeIfAbsent(accountId, unused -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return subscriber;
    }

    /** Called by one thread only (the listener), in commit order. */
    void publish(OrderChange change) {
        Set<Subscriber> listening = subscribers.get(change.customerId());
        if (listening == null) {
            return;
        }
        for (Subscriber subscriber : listening) {
            Sinks.EmitResult result = subscriber.sink.tryEmitNext(change);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                subscriber.sink.tryEmitError(new TooSlow());
                subscriber.close();
            } else if (result.isFailure()) {
                subscriber.close();
            }
        }
    }

    int subscribers() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    final class Subscriber {
        private final AccountId accountId;
        private final Sinks.Many<OrderChange> sink;

        private Subscriber(AccountId accountId, Sinks.Many<OrderChange> sink) {
            this.accountId = accountId;
            this.sink = sink;
        }

        Flux<OrderChange> changes() {
            return sink.asFlux();
        }

        void close() {
            subscribers.computeIfPresent(accountId, (unused, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
