package dev.keel.projection.push;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a service account pushes go to the log, and start-up says so; with one they go to FCM. */
@ExtendWith(OutputCaptureExtension.class)
class PushConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PushConfiguration.class);

    @Test
    void withoutCredentialsPushesAreLoggedAndStartUpSaysSo(CapturedOutput output) {
        context.withPropertyValues("keel.firebase.credentials=").run(beans -> {
            PushSender sender = beans.getBean(PushSender.class);
            assertThat(sender).isInstanceOf(LogPushSender.class);
            assertThat(output).contains("No KEEL_FIREBASE_CREDENTIALS: push notifications are only logged, not sent");

            List<PushOutcome> outcomes = sender.send(List.of(new PushMessage("abcdefghijklmnop-secret-rest",
                    "Order received", "Your order", Map.of(), "event-1")));

            assertThat(outcomes).extracting(PushOutcome::kind).containsExactly(PushOutcome.Kind.SENT);
        });
        assertThat(output).contains("abcdefgh").doesNotContain("secret-rest");
    }
}
