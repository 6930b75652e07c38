package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens: 256 random bits handed to the client once; {@code refresh_token} keeps only
 * their SHA-256, the session they belong to and whether they were already rotated. A rotated token
 * stays until the session expires, so presenting it again is recognised as reuse.
 */
@Component
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the table knows about a presented token. */
    record Stored(AccountId accountId, SessionId sessionId, boolean rotated) {
    }

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    Optional<Stored> find(String tokenHash) {
        return jdbc.sql("SELECT account_id, session_id, rotated_at FROM refresh_token WHERE token_hash = ?")
                .param(tokenHash)
                .query((row, n) -> new Stored(new AccountId(row.getObject("account_id", UUID.class)),
                        new SessionId(row.getObject("session_id", UUID.class)),
                        row.getObject("rotated_at") != null))
                .optional();
    }

    void issue(String tokenHash, AccountId accountId, SessionId sessionId, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO refresh_token (token_hash, account_id, session_id, issued_at, expires_at)
                        VALUES (?, ?, ?, now(), ?)""")
                .params(tokenHash, accountId.value(), sessionId.value(), expiresAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** @return {@code false} if it was rotated already (by a concurrent refresh of the same token) */
    boolean rotate(String tokenHash) {
        return jdbc.sql("UPDATE refresh_token SET rotated_at = now() WHERE token_hash = ? AND rotated_at IS NULL")
                .param(tokenHash)
                .update() == 1;
    }

    @Scheduled(fixedDelayString = "${keel.identity.token-cleanup-interval:PT1H}", initialDelayString = "PT2M")
    void deleteExpired() {
        jdbc.sql("DELETE FROM refresh_token WHERE expires_at < now()").update();
    }
}
