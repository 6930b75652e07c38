package dev.keel.projection.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default without a mail server: the mail goes to the log, clearly labelled, with the
 * recipient masked; its text (the link the user needs) is shown as is.
 */
class LogMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(String to, String subject, String text) {
        log.info("""
                MAIL NOT SENT (no KEEL_MAIL_HOST configured); it would have gone to {}
                  Subject: {}
                {}""", mask(to), subject, text.indent(2));
    }

    static String mask(String address) {
        int at = address.indexOf('@');
        return at <= 1 ? "***" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }
}
