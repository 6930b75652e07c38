package dev.keel.app.security;

import dev.keel.web.Public;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.pattern.PathPatternParser;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes that need no token, as each module marks them ({@link Public}) on its own endpoint
 * methods, so the app lists no other module's paths. Read from the controller classes on the class
 * path rather than from this node's handler mappings: every node then has the same rules whatever
 * modules it runs, and a command node answers a catalog read it does not serve with 404, not 401.
 *
 * @param reads    {@code GET} (and so {@code HEAD}) routes: no security at all
 * @param commands every other public route: open, and deaf to an {@code Authorization} header
 */
record PublicEndpoints(ServerWebExchangeMatcher reads, ServerWebExchangeMatcher commands) {

    private static final ServerWebExchangeMatcher NONE = exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();

    static PublicEndpoints in(String basePackage, ClassLoader loader) {
        List<ServerWebExchangeMatcher> reads = new ArrayList<>();
        List<ServerWebExchangeMatcher> commands = new ArrayList<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        for (BeanDefinition controller : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(controller.getBeanClassName(), loader);
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Public.class)) {
                    add(type, method, reads, commands);
                }
            }
        }
        return new PublicEndpoints(any(reads), any(commands));
    }

    private static void add(Class<?> type, Method method, List<ServerWebExchangeMatcher> reads,
                            List<ServerWebExchangeMatcher> commands) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        if (mapping == null || mapping.method().length == 0) {
            throw new IllegalStateException("A @Public endpoint must be mapped to named HTTP methods: " + method);
        }
        RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
        for (String prefix : paths(base)) {
            for (String path : paths(mapping)) {
                String pattern = PathPatternParser.defaultInstance.parse(prefix)
                        .combine(PathPatternParser.defaultInstance.parse(path)).getPatternString();
                for (RequestMethod verb : mapping.method()) {
                    if (verb == RequestMethod.GET) {
                        reads.add(new PathPatternParserServerWebExchangeMatcher(pattern, HttpMethod.GET));
                        reads.add(new PathPatternParserServerWebExchangeMatcher(pattern, HttpMethod.HEAD));
                    } else {
                        commands.add(new PathPatternParserServerWebExchangeMatcher(pattern, verb.asHttpMethod()));
                    }
                }
            }
        }
    }

    private static String[] paths(RequestMapping mapping) {
        return mapping == null || mapping.path().length == 0 ? new String[] {""} : mapping.path();
    }

    private static ServerWebExchangeMatcher any(List<ServerWebExchangeMatcher> matchers) {
        return matchers.isEmpty() ? NONE : new OrServerWebExchangeMatcher(matchers);
    }
}
