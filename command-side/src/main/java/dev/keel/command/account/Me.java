package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import dev.keel.command.rejection.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The account and session an access token speaks for. */
record Me(AccountId accountId, SessionId sessionId) {

    /**
     * @throws org.springframework.web.ErrorResponseException 403 when the token names no account (a
     *                                                        hand-made development token, for example)
     */
    static Me of(Jwt jwt) {
        try {
            String sid = jwt.getClaimAsString(AccessTokens.SESSION_CLAIM);
            return new Me(AccountId.of(jwt.getSubject()), sid == null ? null : SessionId.of(sid));
        } catch (IllegalArgumentException e) {
            throw Problems.error(HttpStatus.FORBIDDEN, "not-an-account", "This token does not belong to an account");
        }
    }
}
