package dev.keel.projection.account;

import dev.keel.api.account.EmailVerificationRequested;
import dev.keel.api.account.LinkTokens;
import dev.keel.api.account.LinkTokens.Link;
import dev.keel.api.account.LinkTokens.Purpose;
import dev.keel.api.account.PasswordResetRequested;
import dev.keel.api.privacy.PersonalData;
import dev.keel.projection.mail.Mailer;
import dev.keel.projection.mail.SentMail;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;


/**
 * Mails verification and reset links. A side effect: never replayed, and sent at most once per event
 * (a redelivered event finds its id in {@code sent_mail}). The link's token is signed here and stored
 * nowhere ({@link LinkTokens}), so it works the moment the mail is out, before this batch commits.
 * If the batch fails after sending, the retry mails the same link again; batches hold one event
 * ({@link AccountMailConfiguration}), so that is the failing mail alone.
 */
@Component
@ProcessingGroup(AccountMail.GROUP)
@DisallowReplay
class AccountMail {

    static final String GROUP = "account-mail";

    private final Mailer mailer;
    private final SentMail sent;
    private final LinkTokens tokens;
    private final String linkBaseUrl;

    AccountMail(Mailer mailer, SentMail sent, LinkTokens tokens, @Value("${keel.mail.link-base-url:http://localhost:8080}") String linkBaseUrl) {
        this.mailer = mailer;
        this.sent = sent;
        this.tokens = tokens;
        this.linkBaseUrl = linkBaseUrl;
    }

    @EventHandler
    void on(EmailVerificationRequested event, EventMessage<?> message) {
        if (erased(event.email()) || !sent.firstTime(message.getIdentifier())) {
            return;
        }
        String token = tokens.issue(new Link(Purpose.VERIFY_EMAIL, event.accountId(), event.requestId(),
                event.expiresAt()));
        mailer.send(event.email(), "Confirm your email address", """
                Hello %s,

                please confirm your email address by opening this link:

                %s/verify-email?token=%s

                It works once, until %s. If you did not sign up, ignore this mail.
                """.formatted(event.displayName(), linkBaseUrl, token, event.expiresAt()));
    }

    @EventHandler
    void on(PasswordResetRequested event, EventMessage<?> message) {
        if (erased(event.email()) || !sent.firstTime(message.getIdentifier())) {
            return;
        }
        String token = tokens.issue(new Link(Purpose.RESET_PASSWORD, event.accountId(), event.requestId(),
                event.expiresAt()));
        mailer.send(event.email(), "Reset your password", """
                Hello %s,

                someone (hopefully you) asked to reset your password. Choose a new one here:

                %s/reset-password?token=%s

                It works once, until %s, and signs you out everywhere. If it was not you, ignore this mail.
                """.formatted(event.displayName(), linkBaseUrl, token, event.expiresAt()));
    }

    private static boolean erased(String email) {
        return email == null || PersonalData.ERASED.equals(email);
    }
}
