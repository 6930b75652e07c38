package dev.keel.query;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;

/** The one way endpoints ask queries: off the event loop, empty when the answer is {@code null}. */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> one(Object query, Class<R> answer) {
        // The local query bus runs the handler, JDBC included, on the calling thread.
        return Mono.fromFuture(() -> gateway.query(query, answer)).subscribeOn(Schedulers.boundedElastic());
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
