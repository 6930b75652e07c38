package dev.keel.web;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.SessionId;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The account and session an access token speaks for. Both sides read the token here, so the same
 * token gets the same answer whether it asks to read or to change {@code /v1/me}.
 *
 * @param sessionId {@code null} for a token without a session (one made with the development tool)
 */
public record Me(AccountId accountId, SessionId sessionId) {

    /** The claim that names the session; the command side writes it into the tokens it issues. */
    public static final String SESSION_CLAIM = "sid";

    /**
     * @throws org.springframework.web.ErrorResponseException 403 {@code not-an-account} when the token's
     *         subject or session is not an id (a token made by hand for another system, say): the token
     *         is valid, it just speaks for no account
     */
    public static Me of(Jwt jwt) {
        String subject = jwt.getSubject();
        String sid = jwt.getClaimAsString(SESSION_CLAIM);
        try {
            if (subject == null) {
                throw new IllegalArgumentException("no subject");
            }
            return new Me(AccountId.of(subject), sid == null ? null : SessionId.of(sid));
        } catch (IllegalArgumentException e) {
            throw Problems.error(HttpStatus.FORBIDDEN, "not-an-account", "This token does not belong to an account");
        }
    }
}
