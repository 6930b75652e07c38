package dev.keel.command.account;

import dev.keel.api.account.LinkTokens;
import dev.keel.api.account.LinkTokens.Link;
import dev.keel.api.account.LinkTokens.Purpose;
import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Opens the token of a mailed link. The token itself says which request of which account it answers
 * (the mailer signed it; nothing was stored), so a link works the moment its mail is out. Whether it
 * still works, newest and unused, is the aggregate's rule.
 */
@Component
public class MailedLinks {

    private final LinkTokens tokens;

    MailedLinks(LinkTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @throws org.springframework.web.ErrorResponseException 409 {@code link-invalid} for a token Keel did not
     *         make for this purpose, 409 {@code link-expired} for one past its time
     */
    public Link open(String token, Purpose purpose, Instant at) {
        Link link = tokens.open(token, purpose).orElseThrow(() -> Problems.error(HttpStatus.CONFLICT, "link-invalid",
                "This link is not valid; ask for a new one"));
        if (at.isAfter(link.expiresAt())) {
            throw Problems.error(HttpStatus.CONFLICT, "link-expired",
                    "This link expired at " + link.expiresAt() + "; ask for a new one");
        }
        return link;
    }
}
