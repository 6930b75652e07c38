package dev.keel.app.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API answers JSON (the order stream: {@code text/event-stream}), so a request whose
 * {@code Accept} rules out what its operation answers is refused with 406 before it does anything.
 * Spring would otherwise find out only when writing the answer: after the command had run, with the
 * success's {@code Location} and {@code ETag} on a 406. An {@code Accept} that cannot be parsed is
 * disregarded, as RFC 9110 allows. What an operation answers is what its mapping {@code produces};
 * one that declares nothing answers JSON.
 */
@Component
@Order(SingleValuedHeaders.ORDER)
class AcceptableAnswers implements WebFilter {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    private final ProblemResponses responses;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<Produces> declared;

    AcceptableAnswers(ProblemResponses responses, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.responses = responses;
        this.mappings = mappings;
    }

    /** The routes whose mapping names the media types they answer. */
    private record Produces(Set<PathPattern> patterns, Set<RequestMethod> methods, List<MediaType> types) {

        boolean matches(PathContainer path, String method) {
            return (methods.isEmpty() || methods.stream().anyMatch(known -> known.name().equals(method)))
                    && patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        List<String> accept = exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null || !(path.startsWith("/v1/") || path.startsWith("/.well-known/"))) {
            return chain.filter(exchange);
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return chain.filter(exchange.mutate().request(request -> request.headers(headers ->
                    headers.remove(HttpHeaders.ACCEPT))).build());
        }
        List<MediaType> answers = answers(exchange.getRequest().getPath().pathWithinApplication(),
                exchange.getRequest().getMethod().name());
        if (acceptable.isEmpty() || acceptable.stream().anyMatch(type -> type.getQualityValue() > 0
                && answers.stream().anyMatch(type::isCompatibleWith))) {
            return chain.filter(exchange);
        }
        String answered = answers.stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return responses.write(exchange, ProblemMapper.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "This operation answers " + answered + " (and errors as application/problem+json); Accept rules"
                        + " it out: " + String.join(", ", accept)));
    }

    private List<MediaType> answers(PathContainer path, String method) {
        return routes().stream().filter(route -> route.matches(path, method)).findFirst()
                .map(Produces::types).orElse(JSON);
    }

    private List<Produces> routes() {
        List<Produces> routes = declared;
        if (routes == null) {
            routes = new ArrayList<>();
            // the controllers' mapping, and the actuator's
            for (RequestMappingHandlerMapping mapping : mappings.orderedStream().toList()) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    Set<MediaType> types = info.getProducesCondition().getProducibleMediaTypes();
                    if (!types.isEmpty()) {
                        routes.add(new Produces(info.getPatternsCondition().getPatterns(),
                                info.getMethodsCondition().getMethods(), List.copyOf(types)));
                    }
                }
            }
            declared = List.copyOf(routes);
        }
        return routes;
    }
}
