package dev.keel.projection.mail;

/** Sends one plain-text email; throws when the mail server refuses it, so the event is retried. */
public interface Mailer {

    void send(String to, String subject, String text);
}
