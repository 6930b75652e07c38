package dev.keel.app.roles;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.MasterKey;
import dev.keel.testing.CatalogFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The same jar as two nodes: a command-only node in a second JVM takes the write, this JVM (running
 * the projections and the query side) serves the read, both on the same PostgreSQL.
 */
class SeparateNodesIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Environment environment;
    @Autowired
    JWKSet signingKeys;
    @Autowired
    MasterKey masterKey;

    private Process commandNode;
    private Path log;

    @Test
    void aCommandNodeAndAQueryNodeInTwoJvmsWorkTogether() throws Exception {
        int port = freePort();
        commandNode = startCommandNode(port);
        String base = "http://localhost:" + port;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .failFast("the command node exited; see " + log, () -> !commandNode.isAlive())
                .until(() -> healthy(base));
        WebTestClient commandNodeClient = WebTestClient.bindToServer().baseUrl(base).build();

        String productId = commandNodeClient.post().uri("/v1/products")
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(CatalogFixtures.productRequest(CatalogFixtures.uniqueSku(), "Two-node", 700, "EUR"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("productId").toString();

        commandNodeClient.get().uri("/v1/products/{id}", productId)
                .exchange()
                .expectStatus().isNotFound();
        catalog.awaitProductVersion(productId, 0);
    }

    @AfterEach
    void stopCommandNode() throws InterruptedException {
        if (commandNode != null) {
            commandNode.destroy();
            commandNode.waitFor();
        }
    }

    private Process startCommandNode(int port) throws IOException {
        log = Files.createTempFile("keel-command-node", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.keel.app.KeelApplication",
                "--server.port=" + port,
                "--keel.roles=command",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.elasticsearch.uris=" + environment.getProperty("spring.elasticsearch.uris")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Secrets go through the environment, which only the process's own user can read; arguments are public
        builder.environment().put("KEEL_DB_PASSWORD", environment.getProperty("spring.datasource.password"));
        builder.environment().put("KEEL_JWT_KEYS", signingKeys.toString(false));
        builder.environment().put("KEEL_MASTER_KEY", masterKey.toBase64());
        return builder.start();
    }

    private static boolean healthy(String base) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
