package dev.keel.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature, issuer and claims were already checked: a mobile app sends the
 * same access token for its whole lifetime, and the RSA check was the largest single cost of a
 * command in the benchmark's profile. Only the time checks (expiry, not-before) depend on when the
 * token is presented, so they run again on every use.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    /** Far more than the live tokens of one node's users. */
    static final int CAPACITY = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> inDate = new JwtTimestampValidator();
    /**
     * Bounded by frequency, not cleared whole: a flood of one-off tokens (each a valid signature, say
     * from a load test) neither grows memory nor evicts the tokens in steady use.
     */
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder delegate) {
        this(delegate, Caffeine.newBuilder().maximumSize(CAPACITY));
    }

    VerifiedTokenCache(ReactiveJwtDecoder delegate, Caffeine<Object, Object> builder) {
        this.delegate = delegate;
        this.verified = builder.build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult now = inDate.validate(known);
        if (now.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("The token is expired or not yet valid", now.getErrors()));
        }
        return Mono.just(known);
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
