package dev.keel.bench.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Keel app as users run it ({@code java -jar app/target/keel-run/keel.jar}) in a child JVM, pointed
 * at the run's PostgreSQL and Elasticsearch. Its output goes to a log file under target/bench/logs.
 */
public final class KeelApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeelApp.class);
    /** Generous: on a shared, loaded machine start-up alone took over two minutes. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    /** One per harness run: every launch on the run's database reads what an earlier one encrypted. */
    private static final String MASTER_KEY = newMasterKey();

    private final Process process;
    private final Path logFile;
    private final Path dataDir;
    private final URI base;
    private final Jwt jwt;
    private final long launchedAt;
    private final Thread killOnExit;

    private KeelApp(Process process, Path logFile, Path dataDir, URI base, Jwt jwt, long launchedAt) {
        this.process = process;
        this.logFile = logFile;
        this.dataDir = dataDir;
        this.base = base;
        this.jwt = jwt;
        this.launchedAt = launchedAt;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-keel-app");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * @param name  names the log file
     * @param roles {@code KEEL_ROLES}
     * @param extraJvmOptions added before {@code -jar}
     */
    public static KeelApp launch(Path repository, Path logs, String name, String roles, Stack stack, Jwt jwt,
                                 String heap, List<String> extraJvmOptions) {
        Path jar = repository.resolve("app/target/keel-run/keel.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it first (bench/run does)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            // The app goes down with the harness even when the harness is killed outright.
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig=SIGKILL"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx" + heap, "-XX:FlightRecorderOptions:stackdepth=256"));
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logs);
            Path logFile = logs.resolve("app-" + name + ".log");
            Path dataDir = Files.createTempDirectory("keel-bench-app");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> env = builder.environment();
            env.put("KEEL_DB_URL", stack.jdbcUrl());
            env.put("KEEL_DB_USER", stack.username());
            env.put("KEEL_DB_PASSWORD", stack.password());
            env.put("KEEL_ES_URL", stack.elasticsearchUrl());
            env.put("KEEL_JWT_KEYS", jwt.jwkSet());
            env.put("KEEL_MASTER_KEY", MASTER_KEY);
            env.put("KEEL_ROLES", roles);
            env.put("KEEL_DATA_DIR", dataDir.toString());
            env.put("PORT", Integer.toString(port));
            long launchedAt = System.nanoTime();
            Process process = builder.start();
            log.info("Keel app '{}' (roles {}) launched as pid {} on port {}, log {}", name, roles, process.pid(), port,
                    logFile);
            return new KeelApp(process, logFile, dataDir, URI.create("http://127.0.0.1:" + port), jwt, launchedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch the Keel app: " + e.getMessage(), e);
        }
    }

    /** Waits until {@code /actuator/health} says UP; returns the time since launch. */
    public Duration awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = launchedAt + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Keel app exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && "UP".equals(JSON.readTree(response.body()).path("status").asString())) {
                    return Duration.ofNanos(System.nanoTime() - launchedAt);
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the app", e);
            }
            sleep(50);
        }
        throw new IllegalStateException("The Keel app was not ready after " + READY_TIMEOUT.toSeconds() + " s (health: "
                + last + "); last lines of " + logFile + ":\n" + logTail());
    }

    public URI base() {
        return base;
    }

    /** Health shows its details (processor positions) to STAFF only. */
    public String staffToken() {
        return jwt.token("bench", List.of("STAFF"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident set size in MB, from /proc. */
    public double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException gone) {
            // exited: no RSS
        }
        return 0;
    }

    /** Runs {@code jcmd} against the app, for JFR. */
    public void jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        command.addAll(List.of(arguments));
        try {
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /** Stops it as an operator would (SIGTERM, graceful shutdown), forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("The Keel app did not stop within 30 s; killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteDataDir();
    }

    /** With every URL and key given the app writes nothing there; whatever it did write goes too. */
    private void deleteDataDir() {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dataDir, e.toString());
        }
    }

    private static String newMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
