package dev.keel.app.openapi;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.ExchangeLog;
import dev.keel.testing.ExchangeLog.Exchange;
import dev.keel.testing.IntegrationTestClasses;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every answer any integration test of this JVM got from an operation of the OpenAPI document is one
 * the document describes: its status, the problem type and fields of an error, the headers that came
 * with it, and a success body that fits its schema, field by field. Runs after every other test class
 * ({@code junit-platform.properties} orders classes by {@link Order}), on what {@link ExchangeLog}
 * recorded, the fuzz test's malformed requests included. A success from a route under {@code /v1}
 * that the document lacks fails it too.
 *
 * <p>Not compared: what the HTTP decoder refuses before WebFlux (414, 431), and errors for a path or
 * method that matches no documented operation (404, 405, or the 400 and 401 that come first): the
 * document's introduction names those. Nor {@code OPTIONS}, which Spring answers for every route.
 *
 * <p>It cannot pass on nothing ({@link RecordCoverage}): run alone it is skipped, but when other
 * integration tests ran and the recorder holds no answer, it fails; and when the whole suite ran
 * ({@link IntegrationTestClasses}), every documented operation must have answered at least one
 * success (2xx or 304), so a new endpoint without a test that calls it fails the build too.
 */
@Order(Integer.MAX_VALUE)
class DocumentedResponsesIntegrationTest extends KeelIntegrationTest {

    /** Response headers a client acts on, so an operation must document them when it sends them. */
    private static final Set<String> WATCHED = Set.of("etag", "location", "retry-after", "www-authenticate",
            "accept-encoding");
    private static final int MAX_LISTED = 60;

    @Test
    void everyAnswerTheTestsGotIsDocumented() {
        List<Exchange> exchanges = ExchangeLog.exchanges();
        JsonNode document = JsonMapper.builder().build().readTree(web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody());
        List<Route> routes = routes(document);
        SchemaCheck schemas = new SchemaCheck(document);

        Map<String, Set<String>> findings = new TreeMap<>();
        Map<String, Integer> checked = new TreeMap<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Set<String> succeeded = new TreeSet<>();
        for (Exchange exchange : exchanges) {
            if (exchange.method().equals("OPTIONS")) {
                continue;
            }
            Route route = routeOf(routes, exchange);
            if (route == null) {
                if (exchange.path().startsWith("/v1/") && exchange.status() < 300) {
                    finding(findings, exchange.method() + " " + exchange.path(),
                            exchange.status() + " from an operation the document does not describe");
                }
                continue;
            }
            checked.merge(route.name(), 1, Integer::sum);
            statuses.computeIfAbsent(route.name(), name -> new TreeMap<>()).merge(exchange.status(), 1, Integer::sum);
            if (exchange.status() < 300 || exchange.status() == 304) {
                succeeded.add(route.name());
            }
            check(route, exchange, schemas, document).forEach(problem -> finding(findings, route.name(), problem));
        }
        System.out.println("Documented responses: " + exchanges.size() + " exchanges recorded, per operation and status "
                + statuses);
        Set<String> others = new TreeSet<>(IntegrationTestClasses.ran());
        others.remove(getClass().getName());
        Set<String> notRun = new TreeSet<>(IntegrationTestClasses.all(KeelIntegrationTest.class));
        notRun.removeAll(IntegrationTestClasses.ran());
        RecordCoverage.Verdict coverage = RecordCoverage.of(others, notRun,
                routes.stream().map(Route::name).toList(), checked, succeeded);
        System.out.println("Documented responses: " + others.size() + " other integration test classes ran, "
                + notRun.size() + " did not" + (notRun.isEmpty() ? " (the whole suite: every operation must have"
                + " answered a success)" : ""));
        assumeTrue(coverage.skipReason() == null, coverage.skipReason());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(findings).as("answers the OpenAPI document does not describe, per operation (fix the"
                    + " document: @SuccessResponse, @ProblemResponse, docs/api-contract.md)").isEmpty();
            softly.assertThat(coverage.gaps()).as("what was recorded is not enough to judge the document by").isEmpty();
        });
    }

    private static List<String> check(Route route, Exchange exchange, SchemaCheck schemas, JsonNode document) {
        List<String> problems = new ArrayList<>();
        String status = Integer.toString(exchange.status());
        JsonNode response = route.operation().path("responses").path(status);
        if (response.isMissingNode()) {
            problems.add(status + " is not documented" + problemType(exchange).map(type -> " (" + type + ")").orElse(""));
            return problems;
        }
        for (String header : exchange.headers()) {
            if (WATCHED.contains(header) && response.path("headers").propertyNames().stream()
                    .noneMatch(name -> name.equalsIgnoreCase(header))) {
                problems.add(status + " sends the header " + header + ", not documented");
            }
        }
        if (exchange.body() == null || exchange.method().equals("HEAD")) {
            return problems;
        }
        String mediaType = exchange.contentType() == null ? "" : exchange.contentType().split(";")[0].strip();
        JsonNode content = response.path("content").path(mediaType);
        if (content.isMissingNode()) {
            problems.add(status + " answers " + mediaType + ", documented: " + response.path("content").propertyNames());
            return problems;
        }
        if (!mediaType.equals("application/json") && !mediaType.equals("application/problem+json")) {
            // a download (CSV, NDJSON lines) has no JSON schema to fit; its own tests check its lines
            return problems;
        }
        JsonNode body = JsonMapper.builder().build().readTree(exchange.body());
        if (mediaType.equals("application/problem+json")) {
            String type = body.path("type").asString();
            if (response.path("x-problem-types").valueStream().noneMatch(listed -> listed.asString().equals(type))) {
                problems.add(status + " " + type + " is not listed");
            }
        }
        schemas.check(body, content.path("schema"))
                .forEach(misfit -> problems.add(status + " body: " + misfit.replaceAll("\\[\\d+]", "[]")));
        return problems;
    }

    private static Optional<String> problemType(Exchange exchange) {
        if (exchange.body() == null || exchange.contentType() == null
                || !exchange.contentType().startsWith("application/problem+json")) {
            return Optional.empty();
        }
        return Optional.of(JsonMapper.builder().build().readTree(exchange.body()).path("type").asString());
    }

    private static void finding(Map<String, Set<String>> findings, String where, String what) {
        Set<String> listed = findings.computeIfAbsent(where, key -> new TreeSet<>());
        if (listed.size() < MAX_LISTED) {
            listed.add(what);
        }
    }

    /** An operation of the document and the path pattern it answers on. */
    private record Route(String method, PathPattern pattern, JsonNode operation) {

        String name() {
            return method + " " + pattern.getPatternString();
        }
    }

    private static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT),
                        PathPatternParser.defaultInstance.parse(path.getKey()), operation.getValue()))));
        routes.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        return routes;
    }

    /** The most specific documented route of the exchange's method (HEAD is answered by GET's). */
    private static Route routeOf(List<Route> routes, Exchange exchange) {
        String method = exchange.method().equals("HEAD") ? "GET" : exchange.method();
        PathContainer path = PathContainer.parsePath(exchange.path());
        return routes.stream()
                .filter(route -> route.method().equals(method) && route.pattern().matches(path))
                .findFirst().orElse(null);
    }
}
