package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers look at first: health and the API description. */
class OperationsIntegrationTest extends KeelIntegrationTest {

    @Test
    void healthReportsPostgresElasticsearchAndEventProcessors() {
        web.get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(tokens.staff()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.elasticsearch.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.details['product-table'].running").isEqualTo(true)
                .jsonPath("$.components.eventProcessors.details['product-search-v2'].running").isEqualTo(true);
    }

    @Test
    void theOpenApiDocumentDescribesTheCatalog() {
        web.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/v1/products'].post").exists()
                .jsonPath("$.paths['/v1/products'].get").exists()
                .jsonPath("$.paths['/v1/products/{productId}'].get").exists()
                .jsonPath("$.paths['/v1/products/{productId}/price'].put").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServedAndLoadsTheApiDocument() {
        URI page = web.get().uri("/swagger-ui.html")
                .exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation();

        web.get().uri(page.getPath())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
        web.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
    }
}
