package dev.keel.embedded.elasticsearch.node;

import org.elasticsearch.common.Priority;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the child JVM. Protocol with the parent: one line {@code ES_HTTP_URL=...} on stdout once the
 * node is usable; the parent closing our stdin (deliberately, or by dying) stops the node and this JVM.
 */
public final class NodeMain {

    public static final String URL_PREFIX = "ES_HTTP_URL=";
    public static final String DELETE_ON_EXIT = "--delete-on-exit";
    private static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, RootInfoPlugin.class, AsciiFoldingPlugin.class);
    private static final TimeValue READY_TIMEOUT = TimeValue.timeValueSeconds(60);

    private NodeMain() {
    }

    public static void main(String[] args) {
        // Elasticsearch redirects System.out and System.err into log4j; these two still reach the parent
        PrintStream protocol = System.out;
        PrintStream errors = System.err;
        try {
            LogConfigurator.registerErrorListener();
            NodeOptions options = NodeOptions.parse(args);
            run(options, protocol);
            if (options.deleteOnExit()) {
                Directories.deleteRecursively(options.home());
            }
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace(errors);
            errors.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(NodeOptions options, PrintStream protocol) throws Exception {
        Environment environment = NodeSetup.prepare(options);
        Node node = new ClasspathNode(environment, PLUGINS);
        try (node) {
            node.start();
            awaitYellow(node);
            protocol.println(URL_PREFIX + httpUrl(node));
            protocol.flush();
            awaitEndOfInput(System.in);
        }
        node.awaitClose(30, TimeUnit.SECONDS);
    }

    // LANGUID: after a restart, shards of existing indices recover first, or they look absent for a moment
    private static void awaitYellow(Node node) {
        var health = node.client().admin().cluster().prepareHealth(READY_TIMEOUT)
            .setWaitForYellowStatus().setWaitForEvents(Priority.LANGUID).setTimeout(READY_TIMEOUT).get();
        if (health.isTimedOut()) {
            throw new IllegalStateException("cluster not yellow after " + READY_TIMEOUT + ": " + health.getStatus());
        }
    }

    private static String httpUrl(Node node) {
        InetSocketAddress address = node.injector().getInstance(HttpServerTransport.class)
            .boundAddress().publishAddress().address();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    private static void awaitEndOfInput(InputStream input) throws IOException {
        byte[] ignored = new byte[256];
        while (input.read(ignored) != -1) {
            // the parent sends nothing; only the end of the stream matters
        }
    }
}
