package dev.keel.app.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Node tools the API document's checks use (TypeScript, Spectral), installed from the npm
 * registry into {@code target/openapi-client} at most once per test JVM, and once per package.json
 * across JVMs; and openapi-generator, whose CLI jar Maven copies into {@code target/openapi-generator}
 * and which runs in a JVM of its own (its swagger-core must not meet springdoc's). Node and npm come
 * from the machine; {@code .ci/run} installs them where they are missing.
 */
public final class NodeTools {

    static final Path DIR = Path.of("target", "openapi-client").toAbsolutePath();
    private static final Path GENERATOR = Path.of("target", "openapi-generator", "openapi-generator-cli.jar")
            .toAbsolutePath();
    private static final String RESOURCES = "/openapi-client/";
    private static boolean installed;

    private NodeTools() {
    }

    /** The directory with {@code node_modules} installed and the check's files copied in. */
    static synchronized Path installed() {
        if (!installed) {
            install(DIR, RESOURCES, List.of("package.json", "tsconfig.json", "session.ts", "spectral.yaml"));
            installed = true;
        }
        return DIR;
    }

    /**
     * Copies these test resources (a {@code package.json} among them) into {@code dir} and runs
     * {@code npm install} there, unless the same package.json was installed there before.
     */
    public static Path install(Path dir, String resources, List<String> files) {
        try {
            Files.createDirectories(dir);
            for (String file : files) {
                copyResource(dir, resources, file);
            }
            Path marker = dir.resolve("node_modules").resolve(".keel-installed");
            String wanted = Files.readString(dir.resolve("package.json"));
            if (!Files.exists(marker) || !Files.readString(marker).equals(wanted)) {
                Result npm = run(dir, Map.of(), 600, "npm", "install", "--no-audit", "--no-fund", "--no-package-lock",
                        "--loglevel=error");
                assertThat(npm.exitCode()).as("npm install in %s:%n%s", dir, npm.output()).isZero();
                Files.writeString(marker, wanted);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs openapi-generator's CLI on the Java running this test. */
    static Result generator(Path workDir, String... arguments) {
        assertThat(GENERATOR).as("openapi-generator's CLI jar (Maven copies it in generate-test-resources)")
                .exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", GENERATOR.toString()));
        command.addAll(List.of(arguments));
        return run(workDir, Map.of(), 300, command.toArray(String[]::new));
    }

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    public static Result run(Path workDir, Map<String, String> environment, int timeoutSeconds, String... command) {
        try {
            Process process = start(workDir, environment, command);
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " took longer than " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), output.get(60, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Reading the output of " + String.join(" ", command), e);
        }
    }

    /** Starts a command with stderr folded into stdout; fails naming what to install when it is missing. */
    static Process start(Path workDir, Map<String, String> environment, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException notFound) {
            throw new AssertionError(command[0] + " is needed to check the API document (Node and npm: the Debian"
                    + " packages nodejs and npm; .ci/run installs them)", notFound);
        }
    }

    static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyResource(Path dir, String resources, String name) throws IOException {
        try (InputStream in = NodeTools.class.getResourceAsStream(resources + name)) {
            assertThat(in).as("test resource %s%s", resources, name).isNotNull();
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }
}
