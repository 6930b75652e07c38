package dev.keel.app.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;

/** Errors raised inside controllers; a module's own advice for its exceptions comes first. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

    private final ProblemMapper problems;

    ApiExceptionHandler(ProblemMapper problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable error, ServerWebExchange exchange) {
        ProblemDetail problem = problems.toProblem(error, exchange);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        HttpHeaders headers = error instanceof ErrorResponse response ? response.getHeaders() : HttpHeaders.EMPTY;
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
