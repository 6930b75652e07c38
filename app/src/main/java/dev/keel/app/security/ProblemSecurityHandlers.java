package dev.keel.app.security;

import dev.keel.app.web.ProblemResponses;
import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json, with the bearer challenge a client library expects. */
@Component
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses responses;

    ProblemSecurityHandlers(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenPresented = exchange.getRequest().getHeaders().containsHeader("Authorization");
        exchange.getResponse().getHeaders().set("WWW-Authenticate", tokenPresented
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenPresented
                ? "The bearer token is invalid, expired or not signed by Keel"
                : "This endpoint needs a bearer token";
        return responses.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return responses.write(exchange, Problems.problem(HttpStatus.FORBIDDEN, "forbidden",
                "Your roles do not allow this request"));
    }
}
