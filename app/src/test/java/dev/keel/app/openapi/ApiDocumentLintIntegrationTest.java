package dev.keel.app.openapi;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served document passes Spectral's {@code spectral:oas} ruleset: no error, and no warning but
 * {@code info-contact} (Keel names no contact: who runs a Keel is the deployment's business).
 */
class ApiDocumentLintIntegrationTest extends KeelIntegrationTest {

    private static final Set<String> ACCEPTED_WARNINGS = Set.of("info-contact");
    private static final String SPECTRAL = "node_modules/@stoplight/spectral-cli/dist/index.js";

    @Test
    void theDocumentLintsCleanUnderSpectralsOasRules() throws Exception {
        Path dir = NodeTools.installed();
        Files.write(dir.resolve("lint.json"), web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody());

        NodeTools.Result lint = NodeTools.run(dir, Map.of(), 300, "node", SPECTRAL, "lint", "lint.json",
                "--ruleset", "spectral.yaml", "--format", "json", "--output", "lint-results.json",
                "--fail-severity", "error");
        Path results = dir.resolve("lint-results.json");
        assertThat(results).as("Spectral's results; it printed:%n%s", lint.output()).exists();
        List<JsonNode> findings = JsonMapper.builder().build().readTree(results.toFile()).valueStream().toList();
        findings.forEach(finding -> System.out.println("Spectral: " + severity(finding) + " "
                + finding.path("code").asString() + " at " + finding.path("path") + ": "
                + finding.path("message").asString()));

        assertThat(findings).as("Spectral errors and unaccepted warnings").filteredOn(finding ->
                finding.path("severity").asInt() == 0
                        || finding.path("severity").asInt() == 1
                        && !ACCEPTED_WARNINGS.contains(finding.path("code").asString())).isEmpty();
        assertThat(lint.exitCode()).as("spectral lint:%n%s", lint.output()).isZero();
    }

    private static String severity(JsonNode finding) {
        return switch (finding.path("severity").asInt()) {
            case 0 -> "error";
            case 1 -> "warning";
            case 2 -> "info";
            default -> "hint";
        };
    }
}
