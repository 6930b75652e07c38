package dev.keel.projection.mail;

/**
 * No mail server configured outside development. The mail is neither sent nor logged (its link signs
 * the holder in); the send fails, so the event is retried with backoff and the mail goes out once
 * {@code KEEL_MAIL_HOST} is set, while health shows the failing processor.
 */
class NoMailServer implements Mailer {

    @Override
    public void send(String to, String subject, String text) {
        throw new IllegalStateException("No mail server: '" + subject + "' waits until KEEL_MAIL_HOST is set (an SMTP"
                + " server, or 'log' to write mails, links included, to the log)");
    }
}
