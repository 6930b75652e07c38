package dev.keel.testing;

import dev.keel.command.throttle.IpThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
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

    /**
     * Registers, proves the address with the mailed link and the password, and signs the session that
     * started out again: an account that logs in like any other. Returns the account id.
     */
    public String register(String email, String password, String displayName) {
        Session verified = registerVerified(email, password, displayName, newDevice());
        web.delete().uri("/v1/me/sessions/current").headers(h -> h.setBearerAuth(verified.accessToken()))
                .exchange().expectStatus().isNoContent();
        return verified.accountId();
    }

    /** Registers and verifies with the mailed link, as an app does: the session that verification starts. */
    public Session registerVerified(String email, String password, String displayName, String deviceId) {
        String accountId = registerUnverified(email, password, displayName);
        Session session = session(verification(TestMail.awaitToken(email, "/verify-email", 1), password, deviceId)
                .expectStatus().isCreated(), deviceId);
        assertThat(session.accountId()).isEqualTo(accountId);
        return session;
    }

    /** Registers without proving the address (the account cannot sign in yet) and returns the account id. */
    public String registerUnverified(String email, String password, String displayName) {
        return (String) registration(email, password, displayName)
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("accountId");
    }

    /** Opens the mailed verification link: its token, the account's password and the device to sign in on. */
    public WebTestClient.ResponseSpec verification(String token, String password, String deviceId) {
        return web.post().uri("/v1/accounts/email-verification")
                .bodyValue(Map.of("token", token, "password", password, "deviceId", deviceId))
                .exchange();
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

    /** A new customer with a verified account, signed in on a new device (by the verification). */
    public Session newCustomer() {
        return registerVerified(uniqueEmail(), PASSWORD, "Test Customer", newDevice());
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
