package dev.keel.app.analytics;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.analytics.AnalyticsSeed.Line;
import dev.keel.app.openapi.NodeTools;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Storefront;
import dev.keel.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium}, driven by playwright-core from
 * the npm registry, installed into {@code target/dashboard-browser}): an ANALYST signs in through the
 * page, which draws the test's orders; the charts' data, read back from Chart.js, are the figures
 * this test computes from the placement answers.
 */
class DashboardBrowserIntegrationTest extends KeelIntegrationTest {

    private static final Path DIR = Path.of("target", "dashboard-browser").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KEEL_CHROMIUM", "/usr/bin/chromium"));

    @Autowired
    Storefront shop;
    @LocalServerPort
    int port;

    @Test
    void anAnalystSeesTheTestOrdersInEveryChart() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run installs it)").exists();
        String email = uniqueEmail();
        Session analyst = identity.registerVerified(email, PASSWORD, "Dashboard Analyst", newDevice());
        web.put().uri("/v1/accounts/{id}/roles/ANALYST", analyst.accountId())
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange().expectStatus().is2xxSuccessful();
        await().atMost(Duration.ofSeconds(60)).until(() -> roles(identity.login(email, PASSWORD, newDevice())),
                roles -> roles.contains("ANALYST"));

        Map<String, String> categories = new HashMap<>();
        String lamp = shop.product("Dashboard lamp " + UUID.randomUUID().toString().substring(0, 6), 12_345,
                AnalyticsSeed.uniqueCategory("Lamps"), null);
        String desk = shop.product("Dashboard desk " + UUID.randomUUID().toString().substring(0, 6), 54_321,
                AnalyticsSeed.uniqueCategory("Desks"), null);
        Session customer = identity.newCustomer();
        AnalyticsSeed seed = new AnalyticsSeed(web);
        Instant from = Instant.now().minusMillis(1);
        seed.place(shop, customer.accessToken(), customer.accountId(), Map.of(lamp, 2), categories, null);
        seed.place(shop, customer.accessToken(), customer.accountId(), Map.of(desk, 1), categories, null);
        String cancelled = seed.place(shop, customer.accessToken(), customer.accountId(), Map.of(lamp, 1), categories, null);
        shop.cancel(customer.accessToken(), cancelled);
        seed.statuses.put(cancelled, "CANCELLED");
        Instant to = Instant.now().plusSeconds(1);
        seed.awaitIndexed(tokens.staff(), from, to);

        NodeTools.install(DIR, "/dashboard-browser/", List.of("package.json", "dashboard.mjs"));
        NodeTools.Result run = NodeTools.run(DIR, Map.of("KEEL_CHROMIUM", CHROMIUM.toString()), 180, "node",
                "dashboard.mjs", "http://localhost:" + port, email, PASSWORD, from.toString(), to.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        String line = run.output().lines().filter(text -> text.startsWith("RESULT ")).findFirst().orElseThrow();
        Map<?, ?> page = JsonMapper.builder().build().readValue(line.substring("RESULT ".length()), Map.class);

        assertThat((List<?>) page.get("errors")).as("the page's errors").isEmpty();
        Map<String, Long> revenuePerDay = new TreeMap<>();
        Map<String, Long> revenuePerProduct = new LinkedHashMap<>();
        for (Line sold : seed.sales()) {
            revenuePerDay.merge(AnalyticsSeed.day(sold.placedAt()).toString().substring(0, 10), sold.lineTotalMinor(),
                    Long::sum);
            revenuePerProduct.merge(sold.productId(), sold.lineTotalMinor(), Long::sum);
        }
        Map<?, ?> sales = (Map<?, ?>) page.get("sales");
        assertThat(sales.get("labels")).isEqualTo(new ArrayList<>(revenuePerDay.keySet()));
        assertThat(dataset(sales, 0).get("label")).isEqualTo("revenue EUR");
        assertThat(euros(dataset(sales, 0))).isEqualTo(revenuePerDay.values().stream().map(minor -> minor / 100.0).toList());

        Map<?, ?> top = (Map<?, ?>) page.get("top");
        assertThat(euros(dataset(top, 0))).isEqualTo(List.of(revenuePerProduct.get(desk) / 100.0,
                revenuePerProduct.get(lamp) / 100.0));
        assertThat((List<?>) top.get("labels")).hasSize(2);
        assertThat(((List<?>) top.get("labels")).getFirst().toString()).startsWith("Dashboard desk");

        Map<String, Integer> statuses = new LinkedHashMap<>(Map.of("PLACED", 0, "PAID", 0, "IN_FULFILMENT", 0,
                "DELIVERED", 0, "CANCELLED", 0));
        seed.statuses.values().forEach(status -> statuses.merge(status, 1, Integer::sum));
        Map<?, ?> drawn = (Map<?, ?>) page.get("statuses");
        Map<Object, Object> chart = new HashMap<>();
        for (int i = 0; i < ((List<?>) drawn.get("labels")).size(); i++) {
            chart.put(((List<?>) drawn.get("labels")).get(i), ((List<?>) dataset(drawn, 0).get("data")).get(i));
        }
        assertThat(chart).isEqualTo(new HashMap<Object, Object>(statuses));
        Map<Object, Object> table = new HashMap<>();
        ((List<?>) page.get("table")).forEach(row -> table.put(((List<?>) row).get(0), ((List<?>) row).get(1)));
        assertThat(table).as("the numbers printed beside the chart").isEqualTo(chart);
        assertThat(Files.exists(DIR.resolve("node_modules/playwright-core"))).isTrue();
    }

    private static List<Double> euros(Map<?, ?> dataset) {
        return ((List<?>) dataset.get("data")).stream().map(value -> ((Number) value).doubleValue()).toList();
    }

    private static Map<?, ?> dataset(Map<?, ?> chart, int index) {
        return (Map<?, ?>) ((List<?>) chart.get("datasets")).get(index);
    }

    private static List<?> roles(IdentityFixtures.Session session) {
        return (List<?>) TestTokens.claims(session.accessToken()).get("roles");
    }
}
