package dev.keel.app.catalog;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static dev.keel.testing.CommerceFixtures.orderOf;
import static org.assertj.core.api.Assertions.assertThat;

/** STAFF keeping a product's category, pictures and stock, through HTTP, with If-Match. */
class ProductFactsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;

    @Test
    void aProductIsCreatedWithCategoryPicturesAndStock() {
        Map<String, Object> request = new HashMap<>(productRequest(uniqueSku(), "Tent", 30_000, "EUR"));
        request.put("category", " outdoor ");
        request.put("imageUrls", List.of("https://img.example/tent.jpg", "http://img.example/tent-2.jpg"));
        request.put("stock", 4);
        String tent = catalog.createProduct(request);

        assertThat(commerce.stock(tent)).isEqualTo(4L);
        assertThat(commerce.events("catalog.ProductCreated", "\"category\":\"outdoor\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void pictureUrlsMustBeHttpAndAreBounded() {
        for (String bad : List.of("javascript:alert(1)", "ftp://img.example/a.jpg", "/relative.jpg",
                "https://user:secret@img.example/a.jpg", "https://img.example/" + "a".repeat(2_030))) {
            Map<String, Object> request = new HashMap<>(productRequest(uniqueSku(), "Bad picture", 100, "EUR"));
            request.put("imageUrls", List.of("https://img.example/ok.jpg", bad));
            createAttempt(request).expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                    .jsonPath("$.errors[0].field").isEqualTo("imageUrls[1]");
        }
        Map<String, Object> tooMany = new HashMap<>(productRequest(uniqueSku(), "Many pictures", 100, "EUR"));
        tooMany.put("imageUrls", Collections.nCopies(11, "https://img.example/a.jpg"));
        createAttempt(tooMany).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("imageUrls");
    }

    @Test
    void aBlankCategoryIsRefusedRatherThanStoredAsNone() {
        String lamp = commerce.product("Uncategorized lamp", 1_000, null);
        change(lamp, "PUT", "category", Map.of("category", "   "), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("category");
        assertThat(commerce.events("catalog.ProductCategoryChanged", lamp)).isZero();
    }

    @Test
    void staffSetAndAdjustStockWithIfMatch() {
        String lamp = commerce.product("Counted lamp", 1_000, 5L);

        change(lamp, "PUT", "stock", Map.of("stock", 8), "\"0\"").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        change(lamp, "POST", "stock-adjustments", Map.of("delta", -3), "\"1\"").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        assertThat(commerce.stock(lamp)).isEqualTo(5L);

        change(lamp, "PUT", "stock", Map.of("stock", 50), "\"1\"").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-conflict")
                .jsonPath("$.currentVersion").isEqualTo(2);
        assertThat(commerce.stock(lamp)).isEqualTo(5L);
    }

    @Test
    void stockNeverGoesBelowWhatOrdersHaveReserved() {
        String lamp = commerce.product("Reserved lamp", 1_000, 5L);
        commerce.placed(identity.newCustomer().accessToken(), orderOf(lamp, 3, null));

        change(lamp, "PUT", "stock", Map.of("stock", 2), null).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/stock-below-reserved")
                .jsonPath("$.reserved").isEqualTo(3);
        change(lamp, "POST", "stock-adjustments", Map.of("delta", -3), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/stock-below-reserved");
        change(lamp, "PUT", "stock", Map.of("stock", 3), null).expectStatus().isOk();
        assertThat(commerce.stock(lamp)).isEqualTo(3L);
    }

    @Test
    void unlimitedStockCannotBeAdjustedUntilItIsCounted() {
        String lamp = commerce.product("Endless lamp", 1_000, null);
        change(lamp, "POST", "stock-adjustments", Map.of("delta", 5), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/stock-unlimited");
        Map<String, Object> unlimited = new HashMap<>();
        unlimited.put("stock", null);
        change(lamp, "PUT", "stock", Map.of("stock", 2), null).expectStatus().isOk();
        change(lamp, "PUT", "stock", Map.of(), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("stock");
        assertThat(commerce.stock(lamp)).as("a body without stock is not unlimited").isEqualTo(2L);
        change(lamp, "PUT", "stock", unlimited, null).expectStatus().isOk();
        assertThat(commerce.stock(lamp)).isNull();
    }

    @Test
    void categoryAndPicturesChangeWithIfMatchAndAnArchivedProductTakesNoMore() {
        String lamp = commerce.product("Listed lamp", 1_000, null);
        change(lamp, "PUT", "category", Map.of("category", "lighting"), "\"0\"").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        change(lamp, "PUT", "images", Map.of("imageUrls", List.of("https://img.example/lamp.jpg")), "\"1\"")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        change(lamp, "POST", "archival", null, "\"2\"").expectStatus().isOk();

        change(lamp, "PUT", "category", Map.of("category", "garden"), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/product-archived");
        assertThat(commerce.events("catalog.ProductCategoryChanged", lamp)).isEqualTo(1);
    }

    @Test
    void onlyStaffChangeStock() {
        String lamp = commerce.product("Guarded lamp", 1_000, 5L);
        web.put().uri("/v1/products/{id}/stock", lamp)
                .headers(h -> h.setBearerAuth(identity.newCustomer().accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("stock", 500))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(commerce.stock(lamp)).isEqualTo(5L);
    }

    private WebTestClient.ResponseSpec createAttempt(Map<String, Object> request) {
        return web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(request)
                .exchange();
    }

    private WebTestClient.ResponseSpec change(String productId, String method, String what, Map<String, Object> body,
                                              String ifMatch) {
        var request = web.method(HttpMethod.valueOf(method))
                .uri("/v1/products/{id}/" + what, productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set("If-Match", ifMatch);
                    }
                });
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }
}
