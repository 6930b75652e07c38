package dev.keel.app.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors that no controller saw (unknown routes, wrong methods, filters): problem+json too, ahead
 * of Boot's default error handler.
 */
@Component
@Order(-2)
class FallbackErrorHandler implements WebExceptionHandler {

    private final ProblemMapper problems;
    private final ProblemResponses responses;

    FallbackErrorHandler(ProblemMapper problems, ProblemResponses responses) {
        this.problems = problems;
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ErrorResponse response) {
            exchange.getResponse().getHeaders().addAll(response.getHeaders());
        }
        return responses.write(exchange, problems.toProblem(error, exchange));
    }
}
