package dev.keel.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a short-lived command to completion, keeping its output for the error message when it fails. */
final class Commands {

    private Commands() {}

    static String run(List<String> command, Path workingDirectory) {
        return run(command, workingDirectory, null);
    }

    /** As {@link #run(List, Path)}, with {@code input} on the command's standard input (never in its arguments). */
    static String run(List<String> command, Path workingDirectory, String input) {
        try {
            var builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true);
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            if (exitCode != 0) {
                throw new IllegalStateException("%s failed with exit code %d:%n%s"
                        .formatted(String.join(" ", command), exitCode, output.strip()));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
