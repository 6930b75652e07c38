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
 * Headers and query parameters that carry one value are refused when sent twice: reading the first
 * and ignoring the second would let whatever sits in front of Keel (a proxy, a cache, a log) act on
 * the other one. Runs before Spring Security, so a second {@code Authorization} never reaches token
 * checks.
 */
@Component
@Order(SingleValuedHeaders.ORDER)
class SingleValuedHeaders implements WebFilter {

    /** Before Spring Security's filter chain (-100). */
    static final int ORDER = -200;

    private static final List<String> SINGLE = List.of(HttpHeaders.AUTHORIZATION, "Idempotency-Key",
            HttpHeaders.CONTENT_TYPE, "X-Device-Id", "X-Correlation-Id");

    private final ProblemResponses responses;

    SingleValuedHeaders(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        for (String name : SINGLE) {
            List<String> values = headers.get(name);
            if (values != null && values.size() > 1) {
                return responses.write(exchange, repeated("the " + name + " header", name, values.size()));
            }
        }
        // no Keel endpoint takes a list in its query, so a repeated parameter is a mistake too
        for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
            if (parameter.getValue().size() > 1) {
                return responses.write(exchange, repeated("the query parameter " + parameter.getKey(),
                        parameter.getKey(), parameter.getValue().size()));
            }
        }
        return chain.filter(exchange);
    }

    private static ProblemDetail repeated(String what, String name, int times) {
        String detail = "Send " + what + " once; it came " + times + " times";
        ProblemDetail problem = ProblemMapper.problem(HttpStatus.BAD_REQUEST, "invalid-field", detail);
        problem.setProperty("errors", List.of(Map.of("field", name, "message", detail)));
        return problem;
    }
}
