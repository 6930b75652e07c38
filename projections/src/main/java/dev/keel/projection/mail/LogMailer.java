package dev.keel.projection.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code KEEL_MAIL_HOST=log}, the embedded development run's default: the mail goes to the log, clearly
 * labelled, with the recipient masked; its text (the link the user needs) is shown as is.
 */
class LogMailer implements Mailer {

    static final String HOST = "log";

    private static final Logger log = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(String to, String subject, String text) {
        log.info("""
                MAIL NOT SENT (KEEL_MAIL_HOST=log); it would have gone to {}
                  Subject: {}
                {}""", mask(to), subject, text.indent(2));
    }

    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 1 ? "***" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }
}
