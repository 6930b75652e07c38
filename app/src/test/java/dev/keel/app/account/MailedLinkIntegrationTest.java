package dev.keel.app.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static dev.keel.testing.IdentityFixtures.PASSWORD;
import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mailed link works the moment its mail arrives: a user who taps it at once must not be told it is
 * invalid because something behind the mail has not committed yet.
 */
class MailedLinkIntegrationTest extends KeelIntegrationTest {

    private static final Pattern VERIFY_LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final int SIGN_UPS = 12;

    /**
     * Sign-ups in parallel keep both cores busy hashing passwords, as a burst of real users would (and
     * take their time on a machine that is busy already, hence the patient client). The users block on
     * threads of their own: on the server's shared scheduler, a blocked user could hold the very thread
     * its own password was queued for.
     */
    @Test
    void everyVerificationLinkWorksTheMomentItsMailArrivesWhileSignUpsLoadTheMachine() {
        WebTestClient patient = web.mutate().responseTimeout(Duration.ofMinutes(2)).build();
        register(patient, uniqueEmail());
        Scheduler users = Schedulers.newBoundedElastic(SIGN_UPS, SIGN_UPS, "sign-up");
        try {
            List<Integer> statuses = Flux.fromStream(IntStream.range(0, SIGN_UPS).mapToObj(i -> uniqueEmail()))
                    .parallel(SIGN_UPS).runOn(users)
                    .map(email -> {
                        register(patient, email);
                        return verify(patient, tokenTheMomentItArrives(email));
                    })
                    .sequential().collectList().block();

            assertThat(statuses).hasSize(SIGN_UPS).containsOnly(201);
        } finally {
            users.dispose();
        }
    }

    @Test
    void aPasswordResetLinkDoesNotVerifyTheEmailAddress() {
        String email = uniqueEmail();
        register(web, email);
        web.post().uri("/v1/password-resets").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("email", email)).exchange().expectStatus().isAccepted();
        String resetToken = TestMail.awaitToken(email, "/reset-password", 1);

        identity.verification(resetToken, PASSWORD, newDevice())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/link-invalid");
    }

    /** Looks every few milliseconds, not at Awaitility's default 100 ms: the user taps at once. */
    private static String tokenTheMomentItArrives(String email) {
        return await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(() -> token(email), Optional::isPresent).orElseThrow();
    }

    private static Optional<String> token(String email) {
        return TestMail.to(email).stream().map(TestMail::text).map(VERIFY_LINK::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst();
    }

    private static void register(WebTestClient client, String email) {
        client.post().uri("/v1/accounts")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Quick Tapper"))
                .exchange()
                .expectStatus().isCreated();
    }

    private static int verify(WebTestClient client, String token) {
        return client.post().uri("/v1/accounts/email-verification")
                .bodyValue(Map.of("token", token, "password", PASSWORD, "deviceId", newDevice()))
                .exchange()
                .returnResult(Void.class).getStatus().value();
    }
}
