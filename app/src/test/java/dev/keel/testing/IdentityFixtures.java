package dev.keel.testing;

import dev.keel.command.throttle.IpThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Accounts and sessions made through the public API, as an app would. */
@Component
public class IdentityFixtures {

    public static final String PASSWORD = "correct horse battery staple 42";

    /** What a login answers. */
    public record Session(String accessToken, String refreshToken, String accountId, String sessionId, String deviceId) {
    }

    private final WebTestClient web;
    private final IpThrottle ipThrottle;

    IdentityFixtures(WebTestClient web, IpThrottle ipThrottle) {
        this.web = web;
        this.ipThrottle = ipThrottle;
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    public static String newDevice() {
        return "device-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers and returns the account id. */
    public String register(String email, String password, String displayName) {
        return (String) registration(email, password, displayName)
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("accountId");
    }

    public WebTestClient.ResponseSpec registration(String email, String password, String displayName) {
        return web.post().uri("/v1/accounts")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("email", email, "password", password, "displayName", displayName))
                .exchange();
    }

    public WebTestClient.ResponseSpec loginAttempt(String email, String password, String deviceId) {
        return web.post().uri("/v1/sessions")
                .bodyValue(Map.of("email", email, "password", password, "deviceId", deviceId))
                .exchange();
    }

    public Session login(String email, String password, String deviceId) {
        return session(loginAttempt(email, password, deviceId).expectStatus().isCreated(), deviceId);
    }

    /** A new customer with a verified-or-not account, logged in on a new device. */
    public Session newCustomer() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Test Customer");
        return login(email, PASSWORD, newDevice());
    }

    public WebTestClient.ResponseSpec refreshAttempt(String refreshToken, String deviceId) {
        return web.post().uri("/v1/sessions/refresh")
                .bodyValue(Map.of("refreshToken", refreshToken, "deviceId", deviceId))
                .exchange();
    }

    public Session refresh(Session session) {
        return session(refreshAttempt(session.refreshToken(), session.deviceId()).expectStatus().isOk(),
                session.deviceId());
    }

    /** Waits until {@code GET /v1/me} with this token answers an account that satisfies {@code condition}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> awaitMe(String accessToken, Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            var result = web.get().uri("/v1/me").headers(h -> h.setBearerAuth(accessToken)).exchange()
                    .returnResult(Map.class);
            return result.getStatus() == HttpStatus.OK ? (Map<String, Object>) result.getResponseBody().blockFirst() : null;
        }, me -> me != null && condition.test(me));
    }

    /** Failed logins from 127.0.0.1 count against the IP throttle; tests that fail logins start clean. */
    public void forgetClientAddress() {
        ipThrottle.forget("127.0.0.1");
    }

    private static Session session(WebTestClient.ResponseSpec response, String deviceId) {
        Map<?, ?> body = response.expectBody(Map.class).returnResult().getResponseBody();
        return new Session((String) body.get("accessToken"), (String) body.get("refreshToken"),
                (String) body.get("accountId"), (String) body.get("sessionId"), deviceId);
    }
}
