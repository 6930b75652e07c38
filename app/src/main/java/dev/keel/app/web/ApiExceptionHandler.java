package dev.keel.app.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors raised inside controllers; a module's own advice for its exceptions comes first. The problem
 * is written directly rather than returned for content negotiation, which drops an error's body when
 * the request's Accept header cannot be parsed.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

    private final ProblemMapper problems;
    private final ProblemResponses responses;

    ApiExceptionHandler(ProblemMapper problems, ProblemResponses responses) {
        this.problems = problems;
        this.responses = responses;
    }

    @ExceptionHandler(Throwable.class)
    Mono<Void> handle(Throwable error, ServerWebExchange exchange) {
        if (error instanceof ErrorResponse response) {
            exchange.getResponse().getHeaders().addAll(response.getHeaders());
        }
        return responses.write(exchange, problems.toProblem(error, exchange));
    }
}
