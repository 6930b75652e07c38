package dev.keel.query;

import dev.keel.web.DatabaseTimeLimits;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way endpoints ask queries: off the event loop, empty when the answer is {@code null}, 503
 * when the database's time limits cut a query short.
 */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> one(Object query, Class<R> answer) {
        // The local query bus runs the handler, JDBC included, on the calling thread.
        return Mono.fromFuture(() -> gateway.query(query, answer)).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(DatabaseTimeLimits::asOverload);
    }
}
