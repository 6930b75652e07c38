package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Finds the request behind a mailed link's token. The mailer (projections) made the token, mailed it
 * and stored only its SHA-256 in {@code one_time_token}; whether the link still works (newest,
 * unused, unexpired) is the aggregate's rule, not this table's.
 */
@Component
class LinkTokens {

    static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    static final String RESET_PASSWORD = "RESET_PASSWORD";

    /** The request a link belongs to. */
    record Link(AccountId accountId, UUID requestId) {
    }

    private final JdbcClient jdbc;

    LinkTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Expired links can never work again; their rows only take space. */
    @Scheduled(fixedDelayString = "${keel.identity.token-cleanup-interval:PT1H}", initialDelayString = "PT3M")
    void deleteExpired() {
        jdbc.sql("DELETE FROM one_time_token WHERE expires_at < now()").update();
    }

    /**
     * @throws org.springframework.web.ErrorResponseException 409 {@code link-invalid} when no link of that
     *                                                        purpose has this token
     */
    Link find(String token, String purpose) {
        return jdbc.sql("SELECT account_id, request_id FROM one_time_token WHERE token_hash = ? AND purpose = ?")
                .params(RefreshTokens.hash(token), purpose)
                .query((row, n) -> new Link(new AccountId(row.getObject("account_id", UUID.class)),
                        row.getObject("request_id", UUID.class)))
                .optional()
                .orElseThrow(() -> Problems.error(HttpStatus.CONFLICT, "link-invalid",
                        "This link is not valid; ask for a new one"));
    }
}
