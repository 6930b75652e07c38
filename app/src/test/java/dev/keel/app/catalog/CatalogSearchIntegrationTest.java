package dev.keel.app.catalog;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.Storefront;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /v1/products: words, filters, sorts, facets, cursors; and autocomplete. */
class CatalogSearchIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Storefront shop;

    @Test
    @SuppressWarnings("unchecked")
    void facetsCountCategoriesAndPriceBandsOfWhatTheWordsMatchWhateverTheFilters() {
        String word = word();
        String lamps = "Lamps " + word;
        String tents = "Tents " + word;
        shop.product("Desk lamp " + word, 500, lamps, null);
        shop.product("Floor lamp " + word, 1_500, lamps, null);
        shop.product("Dome tent " + word, 3_000, tents, null);
        shop.product("Chandelier " + word, 12_000, lamps, null);
        shop.awaitSearch(Map.of("q", word), 4);

        Map<?, ?> filtered = shop.search(Map.of("q", word, "category", lamps));

        assertThat(filtered.get("total")).isEqualTo(3);
        assertThat(ids(filtered)).hasSize(3);
        Map<?, ?> facets = (Map<?, ?>) filtered.get("facets");
        assertThat((List<Object>) facets.get("categories")).containsExactly(
                Map.of("category", lamps, "count", 3), Map.of("category", tents, "count", 1));
        List<Object> counts = ((List<?>) facets.get("priceBands")).stream()
                .map(band -> (Object) ((Map<?, ?>) band).get("count")).toList();
        assertThat(counts).containsExactly(1, 1, 1, 0, 1, 0);
        assertThat((List<?>) facets.get("priceBands")).first()
                .isEqualTo(Map.of("from", 0, "to", 1_000, "count", 1));
        assertThat(((Map<?, ?>) ((List<?>) facets.get("priceBands")).getLast()).get("to")).isNull();
    }

    @Test
    void filtersByPriceRangeAndByWhatCanBeOrderedNow() {
        String word = word();
        String soldOut = shop.product("Sold out kettle " + word, 2_000, null, 0L);
        String fewLeft = shop.product("Few left kettle " + word, 3_000, null, 5L);
        String endless = shop.product("Endless kettle " + word, 4_000, null, null);
        shop.awaitSearch(Map.of("q", word), 3);

        assertThat(ids(shop.search(Map.of("q", word, "inStock", true)))).containsExactlyInAnyOrder(fewLeft, endless);
        assertThat(ids(shop.search(Map.of("q", word, "minPrice", 2_500)))).containsExactlyInAnyOrder(fewLeft, endless);
        assertThat(ids(shop.search(Map.of("q", word, "maxPrice", 3_000)))).containsExactlyInAnyOrder(soldOut, fewLeft);
        assertThat(ids(shop.search(Map.of("q", word, "minPrice", 2_500, "maxPrice", 3_500)))).containsExactly(fewLeft);
    }

    @Test
    void sortsByPriceEitherWayAndByNewest() {
        String word = word();
        String middle = shop.product("Middle " + word, 2_000, null, null);
        String cheap = shop.product("Cheap " + word, 1_000, null, null);
        String dear = shop.product("Dear " + word, 3_000, null, null);
        shop.awaitSearch(Map.of("q", word), 3);

        assertThat(ids(shop.search(Map.of("q", word, "sort", "price")))).containsExactly(cheap, middle, dear);
        assertThat(ids(shop.search(Map.of("q", word, "sort", "-price")))).containsExactly(dear, middle, cheap);
        assertThat(ids(shop.search(Map.of("q", word, "sort", "newest")))).containsExactly(dear, cheap, middle);
    }

    @Test
    void cursorsPageThroughEveryResultOnceInEverySort() {
        String word = word();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(shop.product("Paged " + word + " " + i, 1_000 + (i % 3) * 100, null, null));
        }
        shop.awaitSearch(Map.of("q", word), 7);

        for (String sort : List.of("relevance", "price", "-price", "newest")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> parameters = new HashMap<>(Map.of("q", word, "sort", sort, "size", 3));
                if (cursor != null) {
                    parameters.put("cursor", cursor);
                }
                Map<?, ?> page = shop.search(parameters);
                seen.addAll(ids(page));
                cursor = (String) page.get("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(pages).as(sort).isEqualTo(3);
            assertThat(seen).as(sort).hasSize(7).containsExactlyInAnyOrderElementsOf(created);
        }
        assertThat(ids(shop.search(Map.of()))).as("no words and no filters lists the catalog").isNotEmpty();
    }

    @Test
    void aChangedCursorOrOneFromAnotherSearchIsABadRequest() {
        String word = word();
        shop.product("Cursor " + word + " one", 100, null, null);
        shop.product("Cursor " + word + " two", 200, null, null);
        shop.awaitSearch(Map.of("q", word), 2);
        String cursor = (String) shop.search(Map.of("q", word, "size", 1)).get("nextCursor");
        char last = cursor.charAt(cursor.length() - 1);
        String changed = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (Map<String, Object> wrong : List.of(
                Map.<String, Object>of("q", word, "size", 1, "cursor", changed),
                Map.<String, Object>of("q", word, "size", 1, "cursor", "not-a-cursor"),
                Map.<String, Object>of("q", word + " more", "size", 1, "cursor", cursor),
                Map.<String, Object>of("q", word, "size", 1, "sort", "price", "cursor", cursor))) {
            web.get().uri(uri -> {
                        uri.path("/v1/products");
                        wrong.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
                        return uri.build(wrong);
                    })
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-cursor");
        }
    }

    @Test
    void anArchivedProductIsNeitherFoundNorSuggestedButStillReadable() {
        String word = word();
        String kept = shop.product("Archive " + word + " kept", 100, null, null);
        String archived = shop.product("Archive " + word + " gone", 100, null, null);
        shop.awaitSearch(Map.of("q", word), 2);

        shop.archive(archived);

        shop.awaitSearch(Map.of("q", word), 1);
        assertThat(ids(shop.search(Map.of("q", word)))).containsExactly(kept);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(suggestions(word, 10)).containsExactly(kept));
        web.get().uri("/v1/products/{id}", archived).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.archived").isEqualTo(true);
    }

    @Test
    void suggestionsCompleteTheBeginningOfAnyWordOfTheNameIgnoringCaseAndAccents() {
        String word = word();
        String kettle = shop.product("Émaille " + word + " Kettle", 2_000, null, null);
        String mug = shop.product("Camping " + word + " mug", 900, null, null);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(suggestions(word.substring(0, 7).toUpperCase(), 5)).containsExactlyInAnyOrder(kettle, mug));
        web.get().uri(uri -> uri.path("/v1/products/suggestions").queryParam("prefix", "emaille " + word).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.suggestions[0].productId").isEqualTo(kettle)
                .jsonPath("$.suggestions[0].text").isEqualTo("Émaille " + word + " Kettle");
        assertThat(suggestions(word.substring(0, 7), 1)).hasSize(1);
    }

    private List<String> suggestions(String prefix, int size) {
        Map<?, ?> answer = web.get().uri(uri -> uri.path("/v1/products/suggestions").queryParam("prefix", prefix)
                        .queryParam("size", size).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) answer.get("suggestions")).stream().map(s -> (String) ((Map<?, ?>) s).get("productId")).toList();
    }

    static List<String> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("productId")).toList();
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
