package dev.keel.app.deployment;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where Keel starts its own PostgreSQL (no {@code KEEL_DB_URL}) it is a development run, and the defaults
 * that make it one command apply: keys generated and kept in the data folder, and mail written to the log,
 * links included ({@code keel.mail.host=log}). On a configured database they do not: Keel refuses to start
 * without {@code KEEL_JWT_KEYS} and {@code KEEL_MASTER_KEY}, and mail reaches the log only when
 * {@code KEEL_MAIL_HOST=log} says so. Runs before the embedded servers start, so a refusal costs nothing.
 */
class DevelopmentDefaults implements EnvironmentPostProcessor, Ordered {

    static final String LOG = "log";

    @Override
    public int getOrder() {
        // After the configuration files are read, before dev.keel.app.embedded.EmbeddedServices
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            requireKeys(environment);
        } else if (!StringUtils.hasText(environment.getProperty("keel.mail.host"))) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("keel-development-defaults", Map.of("keel.mail.host", LOG)));
        }
    }

    private static void requireKeys(ConfigurableEnvironment environment) {
        List<String> missing = new ArrayList<>();
        if (!StringUtils.hasText(environment.getProperty("keel.jwt.keys"))) {
            missing.add("KEEL_JWT_KEYS");
        }
        if (!StringUtils.hasText(environment.getProperty("keel.privacy.master-key"))) {
            missing.add("KEEL_MASTER_KEY");
        }
        if (missing.isEmpty()) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("keel.data-dir", "data")).toAbsolutePath().normalize();
        List<Path> generated = List.of(dataDir.resolve("jwt-signing-keys.json"), dataDir.resolve("master-key"))
                .stream().filter(Files::exists).toList();
        throw new MissingSecrets(("Keel runs on a configured database (KEEL_DB_URL), but %s %s not set. Keys that"
                + " Keel generates and keeps in its data folder are for the embedded development run only.")
                .formatted(String.join(" and ", missing), missing.size() == 1 ? "is" : "are"),
                action(missing, generated));
    }

    private static String action(List<String> missing, List<Path> generated) {
        String set = "Set %s from a secret store, the same on every node. ".formatted(String.join(" and ", missing));
        String generate = "New values: ./keel keys prints them (in a container: java -cp /keel/keel.jar"
                + " dev.keel.app.security.NewKeys); a master key also: openssl rand -base64 32.";
        if (generated.isEmpty()) {
            return set + generate;
        }
        return set + "Keys generated earlier are in " + String.join(" and ", generated.stream().map(Path::toString)
                .toList()) + ": if they served this database, use their contents (new keys sign out every user, and"
                + " a new master key makes the personal data already stored unreadable). " + generate;
    }
}
