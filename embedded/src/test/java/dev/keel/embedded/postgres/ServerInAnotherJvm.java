package dev.keel.embedded.postgres;

import java.io.IOException;
import java.nio.file.Path;

/** Starts a server in a JVM of its own, so a test can kill that JVM; runs until then. */
final class ServerInAnotherJvm {

    static final String STARTED = "PostgreSQL started on ";

    private ServerInAnotherJvm() {}

    public static void main(String[] args) throws IOException {
        var server = EmbeddedPostgres.builder().dataDirectory(Path.of(args[0])).start();
        System.out.println(STARTED + server.jdbcUrl());
        System.out.flush();
        // The test never writes: this blocks until the JVM is killed
        System.in.read();
    }
}
