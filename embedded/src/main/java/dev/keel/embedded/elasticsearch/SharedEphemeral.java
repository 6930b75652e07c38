package dev.keel.embedded.elasticsearch;

/** Holds the JVM-wide node: tests in one JVM share it, as each start costs seconds. */
final class SharedEphemeral {

    private static EmbeddedElasticsearch instance;

    private SharedEphemeral() {
    }

    static synchronized EmbeddedElasticsearch get() {
        // a closed instance is replaced rather than handed out dead
        if (instance == null || instance.isClosed()) {
            EmbeddedElasticsearch started = EmbeddedElasticsearch.builder().ephemeral().start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keel-elasticsearch-shutdown"));
            instance = started;
        }
        return instance;
    }
}
