package dev.keel.testing;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.app.privacy.MasterKey;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The same jar as another node, in a second JVM, on the test JVM's PostgreSQL and Elasticsearch with
 * its keys: what a deployment of separate command, projection and query nodes runs.
 */
public final class NodeInAnotherJvm implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private NodeInAnotherJvm(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts a node with these roles (and further {@code --name=value} arguments) and waits until its health answers. */
    public static NodeInAnotherJvm start(String roles, Environment environment, JWKSet signingKeys, MasterKey masterKey,
                                         String... arguments) {
        return start(roles, "384m", environment.getProperty("spring.datasource.url"), environment, signingKeys,
                masterKey, arguments);
    }

    /**
     * Starts a node with these roles, this maximum heap ({@code -Xmx}) and this database (a scratch
     * database of the same server, same credentials), and further {@code --name=value} arguments,
     * and waits until its health answers.
     */
    public static NodeInAnotherJvm start(String roles, String maxHeap, String databaseUrl, Environment environment,
                                         JWKSet signingKeys, MasterKey masterKey, String... arguments) {
        try {
            int port = freePort();
            Path log = Files.createTempFile("keel-" + roles.replace(',', '-') + "-node", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "dev.keel.app.KeelApplication",
                    "--server.port=" + port,
                    "--keel.roles=" + roles,
                    "--spring.datasource.url=" + databaseUrl,
                    "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                    "--spring.elasticsearch.uris=" + environment.getProperty("spring.elasticsearch.uris")));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // Secrets go through the environment, which only the process's own user can read; arguments are public
            builder.environment().put("KEEL_DB_PASSWORD", environment.getProperty("spring.datasource.password"));
            builder.environment().put("KEEL_JWT_KEYS", signingKeys.toString(false));
            builder.environment().put("KEEL_MASTER_KEY", masterKey.toBase64());
            NodeInAnotherJvm node = new NodeInAnotherJvm(builder.start(), log, "http://localhost:" + port);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .failFast("the node exited; see " + log, () -> !process.isAlive())
                .until(this::healthy);
    }

    private boolean healthy() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
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
