package dev.keel.app.deployment;

import dev.keel.app.KeelApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generated keys and mail in the log make {@code ./keel run} one command; on a configured database they
 * would make a deployment forge tokens with a key anyone with the data folder has, and log links that
 * sign people in.
 */
class DevelopmentDefaultsTest {

    private static final String DATABASE = "jdbc:postgresql://db.internal:5432/keel";

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedRunNeedsNoKeysAndWritesMailToTheLog() {
        var environment = environment();

        apply(environment);

        assertThat(environment.getProperty("keel.mail.host")).isEqualTo("log");
    }

    @Test
    void theEmbeddedRunKeepsAMailServerItIsGiven() {
        var environment = environment().withProperty("keel.mail.host", "smtp.internal");

        apply(environment);

        assertThat(environment.getProperty("keel.mail.host")).isEqualTo("smtp.internal");
    }

    @Test
    void aConfiguredDatabaseRefusesToStartWithoutEitherKey() {
        var environment = environment().withProperty("spring.datasource.url", DATABASE);

        assertThatThrownBy(() -> apply(environment))
                .isInstanceOf(MissingSecrets.class)
                .hasMessageContaining("KEEL_DB_URL")
                .hasMessageContaining("KEEL_JWT_KEYS and KEEL_MASTER_KEY")
                .satisfies(e -> assertThat(((MissingSecrets) e).action())
                        .contains("./keel keys")
                        .contains("openssl rand -base64 32"));
    }

    @Test
    void namesTheOneKeyThatIsMissing() {
        var environment = environment().withProperty("spring.datasource.url", DATABASE)
                .withProperty("keel.jwt.keys", "{\"keys\":[]}");

        assertThatThrownBy(() -> apply(environment))
                .hasMessageContaining("KEEL_MASTER_KEY is not set")
                .hasMessageNotContaining("KEEL_JWT_KEYS");
    }

    @Test
    void pointsAtTheKeysADeploymentAlreadyGeneratedSoItDoesNotLoseThem() throws IOException {
        Files.writeString(dataDir.resolve("master-key"), "kept");
        Files.writeString(dataDir.resolve("jwt-signing-keys.json"), "kept");
        var environment = environment().withProperty("spring.datasource.url", DATABASE);

        assertThatThrownBy(() -> apply(environment))
                .satisfies(e -> assertThat(((MissingSecrets) e).action())
                        .contains(dataDir.resolve("master-key").toString())
                        .contains(dataDir.resolve("jwt-signing-keys.json").toString()));
    }

    @Test
    void aConfiguredDatabaseWithBothKeysStartsAndLeavesMailAlone() {
        var environment = environment().withProperty("spring.datasource.url", DATABASE)
                .withProperty("keel.jwt.keys", "{\"keys\":[]}")
                .withProperty("keel.privacy.master-key", "a2VlbA==");

        apply(environment);

        assertThat(environment.getProperty("keel.mail.host")).isEmpty();
    }

    @Test
    void keelItselfRefusesBeforeItStartsAnything() {
        var keel = new SpringApplicationBuilder(KeelApplication.class).web(WebApplicationType.NONE);

        assertThatThrownBy(() -> keel.run("--spring.datasource.url=" + DATABASE,
                "--spring.elasticsearch.uris=http://127.0.0.1:9", "--keel.data-dir=" + dataDir,
                "--keel.jwt.keys=", "--keel.privacy.master-key="))
                .isInstanceOf(MissingSecrets.class);
    }

    private MockEnvironment environment() {
        // As application.yml leaves them when no variable is set
        return new MockEnvironment()
                .withProperty("spring.datasource.url", "")
                .withProperty("keel.jwt.keys", "")
                .withProperty("keel.privacy.master-key", "")
                .withProperty("keel.mail.host", "")
                .withProperty("keel.data-dir", dataDir.toString());
    }

    private static void apply(MockEnvironment environment) {
        new DevelopmentDefaults().postProcessEnvironment(environment, new SpringApplication());
    }
}
