package dev.keel.app.security;

import dev.keel.web.Public;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The routes that need no token, as each module marks them ({@link Public}) on its own endpoint
 * methods; read from the handler mappings at start, so the app lists no other module's paths.
 *
 * @param reads    {@code GET} (and so {@code HEAD}) routes: no security at all
 * @param commands every other public route: open, and deaf to an {@code Authorization} header
 */
record PublicEndpoints(ServerWebExchangeMatcher reads, ServerWebExchangeMatcher commands) {

    private static final ServerWebExchangeMatcher NONE = exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();

    static PublicEndpoints of(Stream<RequestMappingHandlerMapping> mappings) {
        List<ServerWebExchangeMatcher> reads = new ArrayList<>();
        List<ServerWebExchangeMatcher> commands = new ArrayList<>();
        mappings.flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .filter(handler -> handler.getValue().hasMethodAnnotation(Public.class))
                .forEach(handler -> add(handler, reads, commands));
        return new PublicEndpoints(any(reads), any(commands));
    }

    private static void add(Map.Entry<RequestMappingInfo, HandlerMethod> handler, List<ServerWebExchangeMatcher> reads,
                            List<ServerWebExchangeMatcher> commands) {
        Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
            throw new IllegalStateException("A @Public endpoint must name its HTTP methods: " + handler.getValue());
        }
        for (PathPattern pattern : handler.getKey().getPatternsCondition().getPatterns()) {
            for (RequestMethod method : methods) {
                String path = pattern.getPatternString();
                if (method == RequestMethod.GET) {
                    reads.add(new PathPatternParserServerWebExchangeMatcher(path, HttpMethod.GET));
                    reads.add(new PathPatternParserServerWebExchangeMatcher(path, HttpMethod.HEAD));
                } else {
                    commands.add(new PathPatternParserServerWebExchangeMatcher(path, method.asHttpMethod()));
                }
            }
        }
    }

    private static ServerWebExchangeMatcher any(List<ServerWebExchangeMatcher> matchers) {
        return matchers.isEmpty() ? NONE : new OrServerWebExchangeMatcher(matchers);
    }
}
