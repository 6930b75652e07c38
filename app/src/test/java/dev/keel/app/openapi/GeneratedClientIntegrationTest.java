package dev.keel.app.openapi;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a mobile team does with the OpenAPI document: generate a TypeScript client from the document
 * this Keel serves (openapi-generator 7.23, {@code typescript-fetch}, no options), compile it with
 * {@code tsc --strict}, and run a first session with it from Node against this Keel: register,
 * verify the email with the mailed token, log in, refresh, read the account, then, as STAFF, create a
 * product with two units, read it, change its price with If-Match and read the 409 of a stale change
 * as the generated {@code Problem} type; then, as the customer, follow the order stream (SSE, through
 * the generated raw method), quote and place an order, read it back with its ETag (and 304 with
 * If-None-Match), be refused a second one as {@code out-of-stock} (a typed problem), cancel the first
 * with If-Match, and see both changes on the stream and in a sync ({@code session.ts}).
 */
class GeneratedClientIntegrationTest extends KeelIntegrationTest {

    private static final int STEP_TIMEOUT_SECONDS = 120;
    private static final String END = "(end of output)";

    @Value("${local.server.port}")
    int port;

    @Test
    void aMobileSessionRunsOnAClientGeneratedFromTheDocument() throws Exception {
        Path dir = NodeTools.installed();
        Files.write(dir.resolve("openapi.json"), web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody());
        NodeTools.Result generated = NodeTools.generator(dir, "generate", "-g", "typescript-fetch",
                "-i", "openapi.json", "-o", "client");
        assertThat(generated.exitCode()).as("openapi-generator:%n%s", generated.output()).isZero();

        NodeTools.Result compiled = NodeTools.run(dir, Map.of(), 300, "node", "node_modules/typescript/bin/tsc",
                "-p", "tsconfig.json");
        assertThat(compiled.exitCode()).as("tsc --strict on the generated client and session.ts:%n%s",
                compiled.output()).isZero();

        String email = IdentityFixtures.uniqueEmail();
        List<String> lines = session(dir, email);
        assertThat(lines).as("the session's steps").contains("{\"step\":\"session-ok\"}");
        assertThat(lines.stream().filter(line -> line.contains("\"version-conflict\"")).findFirst().orElseThrow())
                .contains("\"type\":\"/problems/version-conflict\"", "\"currentVersion\":1");
        assertThat(lines).as("the session's steps").contains(
                "{\"step\":\"placed-order\",\"status\":201,\"orderStatus\":\"PLACED\",\"total\":1189}",
                "{\"step\":\"not-modified\",\"status\":304}",
                "{\"step\":\"out-of-stock\",\"type\":\"/problems/out-of-stock\",\"available\":1,\"requested\":2}",
                "{\"step\":\"streamed\",\"placed\":\"PLACED\",\"cancelled\":\"CANCELLED\",\"version\":1}",
                "{\"step\":\"synced\",\"orderStatus\":\"CANCELLED\",\"version\":1}");
    }

    /** Runs {@code session.ts}, hands it the token mailed to {@code email}, and returns what it printed. */
    private List<String> session(Path dir, String email) throws IOException, InterruptedException {
        Process node = NodeTools.start(dir, Map.of(
                "KEEL_URL", "http://localhost:" + port,
                "KEEL_EMAIL", email,
                "KEEL_PASSWORD", IdentityFixtures.PASSWORD,
                "KEEL_STAFF_EMAIL", ADMIN_EMAIL,
                "KEEL_STAFF_PASSWORD", ADMIN_PASSWORD), "node", "dist/session.js");
        BlockingQueue<String> printed = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(printed::add);
            } catch (IOException closed) {
                printed.add("(output closed: " + closed + ")");
            }
            printed.add(END);
        });
        List<String> lines = new ArrayList<>();
        try (OutputStream in = node.getOutputStream()) {
            for (String line = printed.poll(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS); !END.equals(line);
                 line = printed.poll(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (line == null) {
                    lines.add("(no output for " + STEP_TIMEOUT_SECONDS + " s: stopped)");
                    break;
                }
                lines.add(line);
                if (line.contains("awaiting-verification-token")) {
                    in.write((TestMail.awaitToken(email, "/verify-email", 1) + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            }
        } finally {
            if (!node.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor();
            }
        }
        System.out.println("Generated client session:\n  " + String.join("\n  ", lines));
        assertThat(node.exitValue()).as("node dist/session.js:%n%s", String.join("\n", lines)).isZero();
        return lines;
    }
}
