package dev.keel.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeTest {

    @Test
    void readsTheAccountAndTheSession() {
        UUID account = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Me me = Me.of(token(account.toString(), session.toString()));
        assertThat(me.accountId().value()).isEqualTo(account);
        assertThat(me.sessionId().value()).isEqualTo(session);
    }

    @Test
    void aTokenWithoutASessionSpeaksForTheAccountAlone() {
        assertThat(Me.of(token(UUID.randomUUID().toString(), null)).sessionId()).isNull();
    }

    @Test
    void aSubjectThatIsNoAccountIdIsForbiddenAsNotAnAccount() {
        assertThatThrownBy(() -> Me.of(token("dashboard-service", null)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(403);
                    assertThat(e.getBody().getType()).hasToString("/problems/not-an-account");
                });
    }

    @Test
    void aSessionThatIsNoIdIsForbiddenAsNotAnAccount() {
        assertThatThrownBy(() -> Me.of(token(UUID.randomUUID().toString(), "not-a-session")))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    }

    private static Jwt token(String subject, String session) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (session != null) {
            jwt.claim(Me.SESSION_CLAIM, session);
        }
        return jwt.build();
    }
}
