package dev.keel.projection.account;

import dev.keel.api.account.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Tokens for mailed links (256 random bits; only the SHA-256 is stored) and the sent-mail record. */
@Component
class LinkTokenStore {

    static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    static final String RESET_PASSWORD = "RESET_PASSWORD";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    LinkTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return {@code false} when this event's mail went out already */
    boolean firstTime(String eventId) {
        return jdbc.sql("INSERT INTO sent_mail (event_id, sent_at) VALUES (?, now()) ON CONFLICT DO NOTHING")
                .param(eventId).update() == 1;
    }

    /** @return the token to put in the link; the table keeps its hash */
    String create(String purpose, AccountId accountId, UUID requestId, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO one_time_token (token_hash, purpose, account_id, request_id, expires_at, created_at)
                        VALUES (?, ?, ?, ?, ?, now())""")
                .params(sha256(token), purpose, accountId.value(), requestId, expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        return token;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
