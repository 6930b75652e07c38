package dev.keel.projection.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mailed link signs its holder in: it reaches the log only when mail is set to the log. */
@ExtendWith(OutputCaptureExtension.class)
class MailConfigurationTest {

    private static final String LINK = "https://keel.example/reset-password?token=secret-token-123";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MailConfiguration.class);

    @Test
    void withoutAMailServerTheMailWaitsAndItsLinkStaysOutOfTheLog(CapturedOutput output) {
        context.withPropertyValues("keel.mail.host=").run(beans -> {
            Mailer mailer = beans.getBean(Mailer.class);

            assertThatThrownBy(() -> mailer.send("ada@example.com", "Reset your password", "Open " + LINK))
                    .hasMessageContaining("KEEL_MAIL_HOST")
                    .hasMessageNotContaining("secret-token-123");
        });

        assertThat(output).contains("KEEL_MAIL_HOST").doesNotContain("secret-token-123");
    }

    @Test
    void mailSetToTheLogWritesTheLinkThere(CapturedOutput output) {
        context.withPropertyValues("keel.mail.host=log").run(beans ->
                beans.getBean(Mailer.class).send("ada@example.com", "Reset your password", "Open " + LINK));

        assertThat(output).contains("MAIL NOT SENT").contains(LINK).doesNotContain("ada@example.com");
    }
}
