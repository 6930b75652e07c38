package dev.keel.app.security;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.web.Public;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module marks its public endpoints ({@link Public}); everything else needs a token. Walks every
 * route of Keel's controllers without a token, so a new endpoint is covered the day it is added.
 */
class PublicRoutesIntegrationTest extends KeelIntegrationTest {

    @Autowired
    List<RequestMappingHandlerMapping> mappings;

    @Test
    void thePublicRoutesAreSignUpSignInPasswordResetCatalogReadsAndThePublicKeys() {
        assertThat(routes().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("GET /.well-known/jwks.json",
                        "POST /v1/accounts", "POST /v1/accounts/email-verification",
                        "POST /v1/password-resets", "POST /v1/password-resets/confirmation",
                        "GET /v1/products", "GET /v1/products/{productId}", "GET /v1/products/suggestions",
                        "POST /v1/sessions", "POST /v1/sessions/firebase", "POST /v1/sessions/refresh",
                        "GET /dashboard", "GET /dashboard/dashboard.js",
                        // Stripe sends no bearer token: the Stripe-Signature header is its credential
                        "POST /v1/payments/webhooks/stripe");
    }

    @Test
    void everyPublicRouteAnswersWithoutAToken() {
        routes().forEach((route, open) -> {
            if (open) {
                assertThat(statusWithoutToken(route)).as(route).isNotIn(401, 403);
            }
        });
    }

    @Test
    void everyOtherRouteNeedsAToken() {
        routes().forEach((route, open) -> {
            if (!open) {
                assertThat(statusWithoutToken(route)).as(route).isEqualTo(401);
            }
        });
    }

    /** Public reads skip the security filter chain altogether, so not even a malformed header is read. */
    @Test
    void aPublicReadIgnoresEvenAMalformedAuthorizationHeaderWhileOtherReadsRefuseIt() {
        web.get().uri("/v1/products").header("Authorization", "Bearer not a token").exchange()
                .expectStatus().isOk();
        web.get().uri("/v1/me").header("Authorization", "Bearer not a token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theApiDocumentSaysWhichOperationsNeedNoToken() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.security[0].bearer").isArray()
                .jsonPath("$.paths['/v1/accounts'].post.security").isArray()
                .jsonPath("$.paths['/v1/accounts'].post.security").isEmpty()
                .jsonPath("$.paths['/v1/products'].get.security").isEmpty()
                .jsonPath("$.paths['/v1/me'].get.security").doesNotExist();
    }

    /** "METHOD /path" of every route of Keel's own controllers, and whether it is marked public. */
    private Map<String, Boolean> routes() {
        Map<String, Boolean> routes = new TreeMap<>();
        mappings.forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.keel")) {
                info.getPatternsCondition().getPatterns().forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> routes.put(method + " " + pattern.getPatternString(),
                                handler.hasMethodAnnotation(Public.class))));
            }
        }));
        assertThat(routes).as("Keel's routes").hasSizeGreaterThan(15);
        return routes;
    }

    private int statusWithoutToken(String route) {
        String[] methodAndPath = route.split(" ", 2);
        String path = methodAndPath[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var request = web.method(HttpMethod.valueOf(methodAndPath[0])).uri(path);
        var sent = methodAndPath[0].equals("GET") ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        return sent.returnResult(Void.class).getStatus().value();
    }
}
