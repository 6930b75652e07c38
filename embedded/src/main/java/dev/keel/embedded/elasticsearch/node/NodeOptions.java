package dev.keel.embedded.elasticsearch.node;

import java.nio.file.Path;

/** What the parent asks of the child, passed as {@code <home> <httpPort> [--delete-on-exit]}. */
record NodeOptions(Path home, int httpPort, boolean deleteOnExit) {

    static NodeOptions parse(String... args) {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !NodeMain.DELETE_ON_EXIT.equals(args[2]))) {
            throw new IllegalArgumentException("usage: NodeMain <home> <httpPort> [" + NodeMain.DELETE_ON_EXIT + "]");
        }
        return new NodeOptions(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]), args.length == 3);
    }

    Path data() {
        return home.resolve("data");
    }

    Path logs() {
        return home.resolve("logs");
    }

    Path config() {
        return home.resolve("config");
    }
}
