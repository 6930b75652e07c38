package dev.keel.embedded;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Programs of the machine that the launchers wrap their servers in. */
public final class Executables {

    private Executables() {
    }

    /** @return {@code name} on the {@code PATH}, or in /usr/bin or /bin */
    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/bin";
        return Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * What to put before a server's command so it runs in a session of its own (util-linux
     * {@code setsid}, where there is one): a terminal's Ctrl-C then reaches this JVM alone, whose
     * shutdown stops the servers in order, instead of every process at once. A child started by the
     * JVM leads no process group, so {@code setsid} does not fork and the process keeps its pid and
     * parent (parent-death signals still work).
     */
    public static List<String> ownSession() {
        return find("setsid").map(setsid -> List.of(setsid.toString())).orElse(List.of());
    }
}
