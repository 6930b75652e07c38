package dev.keel.embedded.elasticsearch;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ParentDeathIntegrationTest {

    @Test
    void theChildStopsAndCleansUpWhenItsParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(javaRunning(DoomedParent.class)).redirectErrorStream(true).start();
        try {
            String[] child = awaitChildLine(parent).get(60, TimeUnit.SECONDS).split(" ", 2);
            ProcessHandle node = ProcessHandle.of(Long.parseLong(child[0])).orElseThrow();

            parent.destroyForcibly();

            node.onExit().get(30, TimeUnit.SECONDS);
            assertThat(node.isAlive()).isFalse();
            assertThat(Path.of(child[1])).doesNotExist();
        } finally {
            parent.destroyForcibly();
        }
    }

    // reads the parent's output on another thread, so a silent parent fails the deadline instead of hanging
    private static CompletableFuture<String> awaitChildLine(Process parent) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder output = new StringBuilder();
            try (var lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(DoomedParent.CHILD_PREFIX)) {
                        return line.substring(DoomedParent.CHILD_PREFIX.length());
                    }
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the parent exited without starting a node:\n" + output);
        });
    }

    private static List<String> javaRunning(Class<?> main) throws URISyntaxException {
        String classpath = String.join(File.pathSeparator, codeSource(main), codeSource(EmbeddedElasticsearch.class),
            codeSource(Logger.class));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classpath, main.getName());
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
