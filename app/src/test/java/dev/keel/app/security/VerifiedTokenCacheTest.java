package dev.keel.app.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromMemory() {
        var cache = new VerifiedTokenCache(token -> {
            verifications.incrementAndGet();
            return Mono.just(jwt(token, Instant.now().plus(10, ChronoUnit.MINUTES)));
        });

        assertThat(cache.decode("a").block().getTokenValue()).isEqualTo("a");
        assertThat(cache.decode("a").block().getTokenValue()).isEqualTo("a");
        assertThat(cache.decode("b").block().getTokenValue()).isEqualTo("b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        // The delegate accepts anything, so only the cache's own time check can refuse the second use.
        var cache = new VerifiedTokenCache(token -> Mono.just(jwt(token, Instant.now().minus(5, ChronoUnit.MINUTES))));

        assertThat(cache.decode("old").block()).isNotNull();
        assertThatThrownBy(() -> cache.decode("old").block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        var cache = new VerifiedTokenCache(token -> {
            verifications.incrementAndGet();
            return Mono.error(new IllegalArgumentException("bad signature"));
        });

        assertThatThrownBy(() -> cache.decode("forged").block()).hasMessage("bad signature");
        assertThatThrownBy(() -> cache.decode("forged").block()).hasMessage("bad signature");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aFloodOfOneOffTokensStaysBoundedAndKeepsTheTokensInUse() {
        // Maintenance on the caller's thread, so eviction has happened by the time each call returns.
        var cache = new VerifiedTokenCache(token -> {
            verifications.incrementAndGet();
            return Mono.just(jwt(token, Instant.now().plus(10, ChronoUnit.MINUTES)));
        }, Caffeine.newBuilder().maximumSize(VerifiedTokenCache.CAPACITY).executor(Runnable::run));
        for (int i = 0; i < 3 * VerifiedTokenCache.CAPACITY; i++) {
            cache.decode("one-off-" + i).block();
            if (i % 100 == 0) {
                cache.decode("in-use").block(); // the app in steady use, between the flood's requests
            }
        }

        assertThat(cache.size()).isLessThanOrEqualTo(VerifiedTokenCache.CAPACITY);
        assertThat(verifications).as("in-use verified once, each one-off once").hasValue(1 + 3 * VerifiedTokenCache.CAPACITY);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                .issuedAt(expiresAt.minus(15, ChronoUnit.MINUTES)).expiresAt(expiresAt).build();
    }
}
