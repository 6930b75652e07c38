package dev.keel.embedded.postgres;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The servers this JVM started: one shutdown hook stops whichever are still running, and holds the shared one. */
final class Instances {

    private static final Set<EmbeddedPostgres> running = ConcurrentHashMap.newKeySet();
    private static EmbeddedPostgres shared;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Instances::stopAll, "keel-postgres-shutdown"));
    }

    private Instances() {}

    static void remember(EmbeddedPostgres server) {
        running.add(server);
    }

    static void forget(EmbeddedPostgres server) {
        running.remove(server);
    }

    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = EmbeddedPostgres.builder().ephemeral().startShared();
        }
        return shared;
    }

    private static void stopAll() {
        List.copyOf(running).parallelStream().forEach(EmbeddedPostgres::stop);
    }
}
