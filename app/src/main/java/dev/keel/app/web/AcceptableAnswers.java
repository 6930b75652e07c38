package dev.keel.app.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The API answers JSON only, so a request whose {@code Accept} rules JSON out is refused with 406
 * before it does anything. Spring would otherwise find out only when writing the answer: after the
 * command had run, with the success's {@code Location} and {@code ETag} on a 406. An {@code Accept}
 * that cannot be parsed is disregarded, as RFC 9110 allows.
 */
@Component
@Order(SingleValuedHeaders.ORDER)
class AcceptableAnswers implements WebFilter {

    /**
     * Downloads answer formats of their own (CSV, NDJSON) and declare them; Spring matches their
     * {@code Accept} against those before the handler runs, and they change nothing anyway.
     */
    private static final String DOWNLOADS = "/export";

    private final ProblemResponses responses;

    AcceptableAnswers(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        List<String> accept = exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || !(path.startsWith("/v1/") || path.startsWith("/.well-known/")) || path.endsWith(DOWNLOADS)) {
            return chain.filter(exchange);
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return chain.filter(exchange.mutate().request(request -> request.headers(headers ->
                    headers.remove(HttpHeaders.ACCEPT))).build());
        }
        if (acceptable.isEmpty() || acceptable.stream().anyMatch(type -> type.getQualityValue() > 0
                && type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            return chain.filter(exchange);
        }
        return responses.write(exchange, ProblemMapper.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "Keel answers application/json (and errors as application/problem+json); Accept rules it out: "
                        + String.join(", ", accept)));
    }
}
