package dev.keel.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * One real SMTP server (GreenMail) per test JVM, on a free port that the shared context reads from
 * the system property {@value #PORT_PROPERTY}. Started before the context by the base class.
 */
public final class TestMail {

    public static final String PORT_PROPERTY = "keel.test.smtp-port";
    private static final GreenMail SERVER = startServer();

    private TestMail() {
    }

    /** Makes sure the server runs (class initialisation starts it once). */
    public static void start() {
        SERVER.getSmtp();
    }

    private static GreenMail startServer() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.getSmtp().getPort()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** Every mail received so far for {@code address}. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits for the {@code nth} (1-based) mail to {@code address} with a {@code path?token=} link; returns the token. */
    public static String awaitToken(String address, String path, int nth) {
        Pattern link = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)");
        await().atMost(Duration.ofSeconds(20)).until(() -> tokens(address, link).size() >= nth);
        return tokens(address, link).get(nth - 1);
    }

    private static List<String> tokens(String address, Pattern link) {
        return to(address).stream().map(TestMail::text).map(link::matcher).filter(Matcher::find)
                .map(matcher -> matcher.group(1)).toList();
    }

    /** The decoded text (the raw body is quoted-printable, which mangles {@code =} in links). */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
