package dev.keel.app.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Keel decodes no content coding, so a body declared as {@code gzip} (or anything but identity) is
 * refused with 415 and {@code Accept-Encoding: identity}, as RFC 9110 asks, rather than read as if
 * it were plain JSON.
 */
@Component
@Order(SingleValuedHeaders.ORDER)
class ContentCodings implements WebFilter {

    private final ProblemResponses responses;

    ContentCodings(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> codings = exchange.getRequest().getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (codings == null || codings.stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip).allMatch(coding -> coding.equalsIgnoreCase("identity"))) {
            return chain.filter(exchange);
        }
        String detail = "Content-Encoding " + String.join(", ", codings) + " is not supported: send the body as is";
        ProblemDetail problem = ProblemMapper.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                detail);
        problem.setProperty("errors", List.of(Map.of("field", HttpHeaders.CONTENT_ENCODING, "message", detail)));
        exchange.getResponse().getHeaders().set(HttpHeaders.ACCEPT_ENCODING, "identity");
        return responses.write(exchange, problem);
    }
}
