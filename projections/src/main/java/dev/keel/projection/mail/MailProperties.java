package dev.keel.projection.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param host        SMTP server; {@code log}: mails are written to the log instead (the embedded run's
 *                    default); empty: mails are not sent and wait until a host is set
 * @param starttls    require STARTTLS
 * @param from        the sender address
 * @param linkBaseUrl where mailed links point (the app's deep link or web page, which posts the token back)
 */
@ConfigurationProperties("keel.mail")
record MailProperties(@DefaultValue("") String host,
                      @DefaultValue("25") int port,
                      @DefaultValue("") String username,
                      @DefaultValue("") String password,
                      @DefaultValue("false") boolean starttls,
                      @DefaultValue("Keel <no-reply@keel.local>") String from,
                      @DefaultValue("http://localhost:8080") String linkBaseUrl) {
}
