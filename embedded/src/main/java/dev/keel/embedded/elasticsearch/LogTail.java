package dev.keel.embedded.elasticsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of a log file, for error messages that explain a failed start without a trip to the disk. */
final class LogTail {

    private LogTail() {
    }

    static String of(Path file, int maxLines) {
        if (!Files.isRegularFile(file)) {
            return "(" + file + " does not exist)";
        }
        Deque<String> tail = new ArrayDeque<>(maxLines);
        // an InputStreamReader replaces malformed bytes instead of failing like Files.lines
        try (var reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (tail.size() == maxLines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), tail);
    }
}
