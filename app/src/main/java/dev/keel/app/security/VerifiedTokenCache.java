package dev.keel.app.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens whose signature, issuer and claims were already checked: a mobile app sends the
 * same access token for its whole lifetime, and the RSA check was the largest single cost of a
 * command in the benchmark's profile. Only the time checks (expiry, not-before) depend on when the
 * token is presented, so they run again on every use.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    /** Far more than the live tokens of one node's users; cleared whole when reached. */
    private static final int CAPACITY = 10_000;

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> inDate = new JwtTimestampValidator();
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
        }
        OAuth2TokenValidatorResult now = inDate.validate(known);
        if (now.hasErrors()) {
            verified.remove(token);
            return Mono.error(new JwtValidationException("The token is expired or not yet valid", now.getErrors()));
        }
        return Mono.just(known);
    }

    private void remember(String token, Jwt jwt) {
        if (verified.size() >= CAPACITY) {
            verified.clear();
        }
        verified.put(token, jwt);
    }
}
