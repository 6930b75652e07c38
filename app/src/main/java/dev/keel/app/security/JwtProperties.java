package dev.keel.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param keys           a JWK set (JSON) of RSA key pairs; the first key signs, every key verifies.
 *                       Empty: a development key is generated and kept in {@code keel.data-dir}
 * @param issuer         the {@code iss} of issued tokens, required on every presented token
 * @param audience       the {@code aud} of issued tokens, required on every presented token: a token
 *                       signed with the same keys for another service (another audience) is refused
 * @param accessTokenTtl lifetime of access tokens
 */
@ConfigurationProperties("keel.jwt")
record JwtProperties(@DefaultValue("") String keys,
                     @DefaultValue("keel") String issuer,
                     @DefaultValue("keel") String audience,
                     @DefaultValue("15m") Duration accessTokenTtl) {
}
