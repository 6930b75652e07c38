package dev.keel.app.bounds;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.ClientAddresses;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Password hashing is bounded: a flood of sign-ups from many addresses (none over its own limit)
 * neither starves public reads nor makes anyone wait without bound.
 */
class SignUpFloodIntegrationTest extends KeelIntegrationTest {

    /** 40 sign-ups a second: more than two cores can hash, and more than starved reads before. */
    private static final Duration FLOOD_INTERVAL = Duration.ofMillis(25);
    private static final int READS = 40;
    /** What a machine loaded by other work adds to a read under the flood (a few ms when idle). */
    private static final Duration SLACK = Duration.ofMillis(250);

    record Answer(int status, String retryAfter, String contentType, String body) {
    }

    private static final Logger log = LoggerFactory.getLogger(SignUpFloodIntegrationTest.class);

    @Autowired
    ClientAddresses addresses;

    /**
     * A first flood warms every path it takes (compiling code makes reads slow for seconds on two
     * busy cores); reads are then timed without a flood and under a second one. Before sign-ups had
     * their own bounded pool, reads queued behind the hashes and timed out.
     */
    @Test
    void publicReadsKeepAnsweringWhileSignUpsFlood() {
        String productId = catalog.createProduct("Flood-proof mug", 990);
        catalog.awaitProductVersion(productId, 0);
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        flood(answers, 300, () -> readTimes(productId, 10));
        List<Long> quiet = readTimes(productId, READS);

        List<Long> flooded = flood(answers, 100, () -> readTimes(productId, READS));
        log.info("Reads: median {} ms without a flood, {} ms under it", median(quiet) / 1_000_000,
                median(flooded) / 1_000_000);

        assertThat(median(flooded))
                .as("median read under the flood (ms), against %d ms without it; all: %s", median(quiet) / 1_000_000,
                        millis(flooded))
                .isLessThanOrEqualTo(median(quiet) * 5 + SLACK.toNanos());
        assertThat(answers).extracting(Answer::status).containsOnly(201, 503).contains(201, 503);
        assertThat(answers).filteredOn(answer -> answer.status() == 503).allSatisfy(answer -> {
            assertThat(Long.parseLong(answer.retryAfter())).isPositive();
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"type\":\"/problems/overloaded\"");
        });
    }

    /** Runs {@code during} once the flood has had {@code answered} more answers, then stops the flood. */
    private <T> T flood(Queue<Answer> answers, int answered, Supplier<T> during) {
        int before = answers.size();
        Disposable flood = Flux.interval(FLOOD_INTERVAL)
                .onBackpressureDrop()
                .flatMap(tick -> signUp().doOnNext(answers::add).onErrorResume(e -> Mono.empty()), 256)
                .subscribe();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> answers.size() - before >= answered);
            return during.get();
        } finally {
            flood.dispose();
        }
    }

    private Mono<Answer> signUp() {
        String body = "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Flood\"}";
        return addresses.httpClientFrom(ClientAddresses.unique())
                .headers(h -> h.set("Content-Type", "application/json")
                        .set("Idempotency-Key", UUID.randomUUID().toString()))
                .post()
                .uri(addresses.baseUrl() + "/v1/accounts")
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), response.responseHeaders().get("Retry-After"),
                                response.responseHeaders().get("Content-Type"), text)));
    }

    private List<Long> readTimes(String productId, int n) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            web.get().uri("/v1/products/{id}", productId).exchange().expectStatus().isOk();
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> millis(List<Long> nanos) {
        return nanos.stream().map(n -> n / 1_000_000).toList();
    }
}
