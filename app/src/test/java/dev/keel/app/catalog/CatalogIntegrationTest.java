package dev.keel.app.catalog;

import dev.keel.app.KeelIntegrationTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.Processors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.CatalogFixtures.productRequest;
import static dev.keel.testing.CatalogFixtures.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CatalogIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Processors processors;

    @Test
    void staffCreatesAProductThatAnyoneCanRead() {
        String sku = uniqueSku();
        var created = web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(productRequest(sku, "Trail running shoe", 12_999, "EUR"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/v1/products/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        String productId = (String) created.get("productId");

        catalog.awaitProductVersion(productId, 0);
        web.get().uri("/v1/products/{id}", productId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.productId").isEqualTo(productId)
                .jsonPath("$.sku").isEqualTo(sku)
                .jsonPath("$.name").isEqualTo("Trail running shoe")
                .jsonPath("$.price.amountMinor").isEqualTo(12_999)
                .jsonPath("$.price.currency").isEqualTo("EUR")
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void repricingWithTheCurrentVersionMovesTheProductToTheNextVersion() {
        String productId = catalog.createProduct("Rain jacket", 8_000);

        web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("amountMinor", 6_500, "currency", "EUR"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);

        catalog.awaitProductVersion(productId, 1);
        web.get().uri("/v1/products/{id}", productId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.price.amountMinor").isEqualTo(6_500)
                .jsonPath("$.name").isEqualTo("Rain jacket");
    }

    @Test
    void repricingAgainstAStaleVersionIsAConflictThatNamesTheCurrentVersion() {
        String productId = catalog.createProduct("Tent", 30_000);
        reprice(productId, 29_000, null);

        web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("If-Match", "\"0\"")
                .bodyValue(Map.of("amountMinor", 1, "currency", "EUR"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-conflict")
                .jsonPath("$.currentVersion").isEqualTo(1);

        catalog.awaitProductVersion(productId, 1);
        web.get().uri("/v1/products/{id}", productId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.price.amountMinor").isEqualTo(29_000);
    }

    @Test
    void aSecondProductWithTheSameSkuIsRefusedWhateverItsCase() {
        String sku = uniqueSku();
        catalog.createProduct(productRequest(sku, "Original", 100, "EUR"));

        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(productRequest(sku.toLowerCase(), "Copy", 100, "EUR"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/sku-already-in-use");
        assertThat(catalog.eventsNaming(sku)).as("only the original's creation").isEqualTo(1);
    }

    @Test
    void searchFindsProductsByWordsInTheNameAndBySku() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String sku = uniqueSku();
        String first = catalog.createProduct(productRequest(sku, "Lantern " + word, 2_500, "EUR"));
        String second = catalog.createProduct("Headlamp " + word, 3_500);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri(uri -> uri.path("/v1/products").queryParam("q", word).build())
                        .exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.total").isEqualTo(2)
                        .jsonPath("$.items[*].productId").value(ids -> assertThat(ids)
                                .asInstanceOf(InstanceOfAssertFactories.LIST)
                                .containsExactlyInAnyOrder(first, second)));

        web.get().uri(uri -> uri.path("/v1/products").queryParam("q", sku).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].productId").isEqualTo(first);
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        String word = "qz" + UUID.randomUUID().toString().substring(0, 6);
        String productId = catalog.createProduct("Crème Brûlée torch " + word, 2_900);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri(uri -> uri.path("/v1/products").queryParam("q", "CREME brulee " + word).build())
                        .exchange()
                        .expectBody().jsonPath("$.items[0].productId").isEqualTo(productId));
    }

    @Test
    void searchPagesThroughResultsWithACursor() {
        String word = "pg" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            catalog.createProduct("Sock " + word + " " + i, 500 + i);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri(uri -> uri.path("/v1/products").queryParam("q", word).queryParam("size", 2).build())
                        .exchange()
                        .expectBody()
                        .jsonPath("$.total").isEqualTo(3)
                        .jsonPath("$.items.length()").isEqualTo(2));
        String cursor = (String) web.get().uri(uri -> uri.path("/v1/products").queryParam("q", word).queryParam("size", 2)
                        .build())
                .exchange().expectBody(Map.class).returnResult().getResponseBody().get("nextCursor");

        web.get().uri(uri -> uri.path("/v1/products").queryParam("q", word).queryParam("size", 2)
                        .queryParam("cursor", "{cursor}").build(cursor))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.nextCursor").doesNotExist();
    }

    @Test
    void repricingChangesTheSearchIndexToo() {
        String word = "rp" + UUID.randomUUID().toString().substring(0, 8);
        String productId = catalog.createProduct("Kettle " + word, 4_000);
        reprice(productId, 3_000, "\"0\"");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri(uri -> uri.path("/v1/products").queryParam("q", word).build())
                        .exchange()
                        .expectBody()
                        .jsonPath("$.items[0].price.amountMinor").isEqualTo(3_000)
                        .jsonPath("$.items[0].version").isEqualTo(1));
    }

    @Test
    void anUnknownProductIsNotFound() {
        web.get().uri("/v1/products/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void publicReadsAnswerHeadToo() {
        String productId = catalog.createProduct("Headed", 100);
        catalog.awaitProductVersion(productId, 0);
        web.head().uri("/v1/products/{id}", productId).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().isEmpty();
        web.head().uri("/v1/products?q=headed").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().isEmpty();
    }

    @Test
    void anIdOfAnotherKindIsNotFoundEither() {
        String account = identity.register(IdentityFixtures.uniqueEmail(), IdentityFixtures.PASSWORD, "Not A Product");
        int accountEvents = processors.positionsOf(List.of(account)).size();
        web.put().uri("/v1/products/{id}/price", account)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("amountMinor", 100, "currency", "EUR"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        String product = catalog.createProduct("Not An Account", 100);
        web.put().uri("/v1/accounts/{id}/roles/STAFF", product)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");

        assertThat(processors.positionsOf(List.of(account))).hasSize(accountEvents);
        assertThat(processors.positionsOf(List.of(product))).as("the creation alone").hasSize(1);
    }

    @Test
    void repricingAnUnknownProductIsNotFound() {
        web.put().uri("/v1/products/{id}/price", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("amountMinor", 100, "currency", "EUR"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void onlyStaffChangeTheCatalog() {
        String customers = uniqueSku();
        String anonymous = uniqueSku();
        web.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.customer()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(productRequest(customers, "Not allowed", 100, "EUR"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");

        web.post().uri("/v1/products")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(productRequest(anonymous, "Not signed in", 100, "EUR"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/unauthorized");

        assertThat(catalog.eventsNaming(customers)).isZero();
        assertThat(catalog.eventsNaming(anonymous)).isZero();
    }

    private void reprice(String productId, long amountMinor, String ifMatch) {
        web.put().uri("/v1/products/{id}/price", productId)
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set("If-Match", ifMatch);
                    }
                })
                .bodyValue(Map.of("amountMinor", amountMinor, "currency", "EUR"))
                .exchange()
                .expectStatus().isOk();
    }
}
