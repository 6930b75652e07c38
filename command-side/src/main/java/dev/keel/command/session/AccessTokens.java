package dev.keel.command.session;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.account.SessionId;
import dev.keel.web.Me;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Short-lived access JWTs, RS256, signed with the first key of the JWK set: {@code sub} is the
 * account, {@code sid} the session, {@code roles} what it may do, {@code aud} the Keel they are for.
 */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final String issuer;
    private final String audience;
    private final Duration ttl;

    AccessTokens(JwtEncoder encoder, @Value("${keel.jwt.issuer:keel}") String issuer,
                 @Value("${keel.jwt.audience:keel}") String audience,
                 @Value("${keel.jwt.access-token-ttl:15m}") Duration ttl) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    String issue(AccountId accountId, SessionId sessionId, Collection<Role> roles) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(accountId.toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(ttl))
                .claim(Me.SESSION_CLAIM, sessionId.toString())
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
