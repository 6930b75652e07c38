package dev.keel.embedded.elasticsearch.node;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

/** Settings, directories and logging of the one node this JVM runs. */
final class NodeSetup {

    static final String NODE_NAME = "keel-embedded";
    private static final String LOG_CONFIG = "/dev/keel/embedded/elasticsearch/log4j2.properties";

    private NodeSetup() {
    }

    static Environment prepare(NodeOptions options) throws IOException {
        Files.createDirectories(options.data());
        Files.createDirectories(options.logs());
        writeLogConfig(options);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings(options), Map.of(), options.config(), () -> NODE_NAME);
        LogConfigurator.setNodeName(NODE_NAME);
        LogConfigurator.configure(environment, false);
        return environment;
    }

    private static Settings settings(NodeOptions options) {
        return Settings.builder()
            .put("path.home", options.home().toString())
            .put("path.data", options.data().toString())
            .put("path.logs", options.logs().toString())
            .put("node.name", NODE_NAME)
            .put("cluster.name", NODE_NAME)
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", options.httpPort())
            .put("transport.port", 0)
            // a laptop's nearly full disk must not turn every index read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    }

    // rewritten on every start so an upgrade of Keel also upgrades the logging of an existing data directory
    private static void writeLogConfig(NodeOptions options) throws IOException {
        Files.createDirectories(options.config());
        try (InputStream config = NodeSetup.class.getResourceAsStream(LOG_CONFIG)) {
            if (config == null) {
                throw new IllegalStateException(LOG_CONFIG + " is missing from the class path");
            }
            Files.copy(config, options.config().resolve("log4j2.properties"), REPLACE_EXISTING);
        }
    }
}
