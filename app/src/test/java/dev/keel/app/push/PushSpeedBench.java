package dev.keel.app.push;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.FcmStandIn;
import dev.keel.testing.FirebaseStandIn;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push throughput against the FCM stand-in. Not part of the suite (its name ends in Bench):
 * {@code bench/push} runs it. One customer with {@code bench.push.devices} devices (500: one full
 * {@code sendEach}) places {@code bench.push.orders} orders; Keel's figure is the messages the
 * stand-in accepted per second, from the first order's placement to the last message. The baseline,
 * in the same run: the very JSON bodies Keel sent, posted again to the same stand-in with the JDK's
 * HTTP client, a batch of one event's messages at a time, all of a batch in flight at once (as
 * {@code sendEach} has them). Writes {@code target/bench/push.md}.
 */
class PushSpeedBench extends KeelIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    JdbcClient jdbc;

    private final FcmStandIn fcm = FcmStandIn.shared();

    @Test
    void pushThroughputAgainstRawPostsOfTheSameMessages() throws Exception {
        int devices = Integer.getInteger("bench.push.devices", 500);
        int orders = Integer.getInteger("bench.push.orders", 10);
        Session me = identity.newCustomer();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String token = PushDevicesIntegrationTest.token();
            tokens.add(token);
            // registered straight in the read model: the figure is about sending, not registering
            jdbc.sql("""
                            INSERT INTO push_device (account_id, device_id, fcm_token, platform, locale, registered_at)
                            VALUES (?::uuid, ?, ?, 'ANDROID', ?, now())""")
                    .params(me.accountId(), "bench-" + i, token, i % 2 == 0 ? "en" : "de-DE").update();
        }
        String product = commerce.product("Bench kettle", 1000, null);
        String last = tokens.getLast();
        commerce.placed(me.accessToken(), CommerceFixtures.orderOf(product, 1, null));
        await().atMost(Duration.ofMinutes(5)).until(() -> fcm.acceptedFor(last).size() == 1);

        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            commerce.placed(me.accessToken(), CommerceFixtures.orderOf(product, 1, null));
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> fcm.acceptedFor(last).size() == orders + 1);
        double keelSeconds = (System.nanoTime() - start) / 1e9;
        int messages = devices * orders;
        assertThat(tokens).allSatisfy(token -> assertThat(fcm.acceptedFor(token)).hasSize(orders + 1));

        List<String> bodies = fcm.acceptedFor(tokens.getFirst()).stream().skip(1).map(sent -> sent.body().toString())
                .toList();
        double baselineSeconds = rawPosts(tokens, bodies, devices);

        double keel = messages / keelSeconds;
        double baseline = messages / baselineSeconds;
        String report = """
                # Push throughput against the FCM stand-in

                %d orders of one customer with %d devices (%d messages), after one warm-up order.

                | figure | Keel | baseline | ratio |
                |---|---|---|---|
                | messages/s | %.0f | %.0f | %.2f |

                Keel: first placement to the stand-in's last acceptance (%.2f s), through the push processor, the
                Firebase Admin SDK's sendEach, OAuth from the stand-in token endpoint. Baseline: the same JSON bodies
                posted by the JDK HTTP client, %d in flight per batch (%.2f s).
                """.formatted(orders, devices, messages, keel, baseline, keel / baseline, keelSeconds, devices,
                baselineSeconds);
        Path out = Path.of("..", "target", "bench", "push.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** Posts each order's message to every token again, one batch per order, all of a batch at once. */
    private double rawPosts(List<String> tokens, List<String> bodies, int inFlight) throws Exception {
        String bearer = accessToken();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI send = URI.create(fcm.url() + "/v1/projects/" + FirebaseStandIn.PROJECT_ID + "/messages:send");
        long start = System.nanoTime();
        for (String body : bodies) {
            String template = JSON.readTree(body).toString();
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>(inFlight);
            for (String token : tokens) {
                String json = template.replace(tokens.getFirst(), token);
                batch.add(client.sendAsync(HttpRequest.newBuilder(send).header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> response : batch) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** An access token from the stand-in's token endpoint, as the SDK gets one (any issued one is accepted). */
    private String accessToken() {
        return FirebaseStandIn.shared().anyIssuedToken()
                .orElseThrow(() -> new IllegalStateException("the SDK never got an access token"));
    }
}
