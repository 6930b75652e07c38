package dev.keel.app.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Storefront;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order-analytics index itself: no personal value of the test's customers in any field of any
 * document; a customer key that is the same for one person and gone with their erasure; and a
 * rebuild that fills a new index while searches keep the complete old one.
 */
class OrderAnalyticsIndexIntegrationTest extends KeelIntegrationTest {

    private static final String GROUP = "order-analytics";

    @Autowired
    Storefront shop;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theIndexHoldsNoPersonalDataAndErasureUnlinksThePersonEvenAfterARebuild() throws IOException {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ada Pseudonym " + unique;
        String email = uniqueEmail();
        String device = newDevice();
        Session ada = identity.registerVerified(email, PASSWORD, name, device);
        Session bob = identity.newCustomer();
        Map<String, Object> address = Map.of("recipient", "Recipient " + unique, "line1", "Street " + unique,
                "postalCode", "P" + unique, "city", "City " + unique, "country", "DE");
        String product = shop.product("Analytics mug", 1_000, AnalyticsSeed.uniqueCategory("Mugs"), null);
        String analyst = tokens.forUser(UUID.randomUUID().toString(), "ANALYST");
        AnalyticsSeed seed = new AnalyticsSeed(web);
        Instant from = Instant.now().minusSeconds(1);
        String adaFirst = seed.place(shop, ada.accessToken(), ada.accountId(), Map.of(product, 1), Map.of(), address);
        String adaSecond = seed.place(shop, ada.accessToken(), ada.accountId(), Map.of(product, 2), Map.of(), address);
        String bobs = seed.place(shop, bob.accessToken(), bob.accountId(), Map.of(product, 3), Map.of(), address);
        Instant to = Instant.now().plusSeconds(1);
        seed.awaitIndexed(analyst, from, to);

        Map<String, Object> keys = customerKeys(analyst, from, to);
        assertThat(keys.get(adaFirst)).as("one person, one key").isNotNull().isEqualTo(keys.get(adaSecond));
        assertThat(keys.get(bobs)).isNotNull().isNotEqualTo(keys.get(adaFirst));
        List<String> personal = List.of(name, email, device, ada.accountId(), bob.accountId(), "Recipient " + unique,
                "Street " + unique, "P" + unique, "City " + unique, "127.0.0.1", ada.deviceId(), bob.deviceId());
        List<String> values = everyIndexedValue();
        assertThat(values).as("the scan read the test's documents").contains(adaFirst, bobs);
        for (String value : personal) {
            assertThat(values).as("no field holds " + value).noneMatch(indexed -> indexed.contains(value));
        }

        web.delete().uri("/v1/me").headers(h -> h.setBearerAuth(ada.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(60)).until(() -> customerKeys(analyst, from, to),
                after -> after.get(adaFirst) == null && after.get(adaSecond) == null);
        assertThat(customerKeys(analyst, from, to).get(bobs)).as("others keep theirs").isEqualTo(keys.get(bobs));

        StreamingEventProcessor processor = processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        Set<String> served = aliasTargets(OrderAnalyticsIndex.ALIAS);
        processor.shutDown();
        processor.resetTokens();
        Set<String> building = aliasTargets(OrderAnalyticsIndex.WRITE_ALIAS);
        assertThat(building).as("the rebuild writes into a new index").hasSize(1).doesNotContainAnyElementsOf(served);
        assertThat(aliasTargets(OrderAnalyticsIndex.ALIAS)).as("while searches stay on the complete one").isEqualTo(served);
        assertThat(seed.listed(analyst, from, to, null, 100)).hasSize(3);
        processor.start();

        await().atMost(Duration.ofSeconds(120)).until(() -> aliasTargets(OrderAnalyticsIndex.ALIAS), building::equals);
        await("the old index is deleted once searches left it").atMost(Duration.ofSeconds(30))
                .until(() -> !elasticsearch.indices().exists(exists -> exists.index(List.copyOf(served))).value());
        Map<String, Object> rebuilt = customerKeys(analyst, from, to);
        assertThat(rebuilt).as("rebuilt from the events: the erased person has no key, others the same").hasSize(3);
        assertThat(rebuilt.get(adaFirst)).isNull();
        assertThat(rebuilt.get(adaSecond)).isNull();
        assertThat(rebuilt.get(bobs)).isEqualTo(keys.get(bobs));
    }

    private Map<String, Object> customerKeys(String analyst, Instant from, Instant to) {
        Map<String, Object> keys = new HashMap<>();
        new AnalyticsSeed(web).listed(analyst, from, to, null, 100)
                .forEach(line -> keys.put((String) line.get("orderId"), line.get("customerKey")));
        return keys;
    }

    private Set<String> aliasTargets(String alias) throws IOException {
        return elasticsearch.indices().getAlias(get -> get.name(alias)).aliases().keySet();
    }

    /** Every value of every field of every document in the index, as text. */
    @SuppressWarnings("unchecked")
    private List<String> everyIndexedValue() throws IOException {
        List<String> values = new ArrayList<>();
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = List.of();
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            List<Hit<Map>> hits = elasticsearch.search(search -> {
                search.index(OrderAnalyticsIndex.ALIAS).size(1_000)
                        .sort(sort -> sort.field(field -> field.field("orderId").order(SortOrder.Asc)))
                        .sort(sort -> sort.field(field -> field.field("lineNumber").order(SortOrder.Asc)));
                return from.isEmpty() ? search : search.searchAfter(from);
            }, Map.class).hits().hits();
            if (hits.isEmpty()) {
                return values;
            }
            for (Hit<Map> hit : hits) {
                values.add(hit.id());
                ((Map<String, Object>) hit.source()).values().forEach(value -> values.add(String.valueOf(value)));
            }
            after = hits.getLast().sort();
        }
    }
}
