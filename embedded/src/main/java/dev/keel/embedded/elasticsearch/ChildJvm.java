package dev.keel.embedded.elasticsearch;

import dev.keel.embedded.Executables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of the child JVM that runs the node. */
final class ChildJvm {

    /** Named, not referenced: loading the class here would need the Elasticsearch jars in this JVM. */
    static final String MAIN_CLASS = "dev.keel.embedded.elasticsearch.node.NodeMain";
    static final String DELETE_ON_EXIT = "--delete-on-exit";

    // what the official launcher sets too, minus what needs its unpublished entitlement agent or native libraries
    private static final List<String> FLAGS = List.of(
        "--enable-native-access=ALL-UNNAMED",
        "--add-modules=jdk.incubator.vector",
        "-Dio.netty.noUnsafe=true",
        "-Dio.netty.noKeySetOptimization=true",
        "-Dio.netty.recycler.maxCapacityPerThread=0",
        "-Dlog4j.shutdownHookEnabled=false",
        "-Dlog4j2.disable.jmx=true",
        "-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false",
        "-XX:+ExitOnOutOfMemoryError");

    private ChildJvm() {
    }

    static List<String> command(ChildClasspath classpath, Path home, String heap, int httpPort, boolean ephemeral) {
        List<String> command = new ArrayList<>(Executables.ownSession());
        command.add(javaBinary());
        command.addAll(FLAGS);
        command.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-cp", classpath.asArgument(), MAIN_CLASS));
        command.addAll(List.of(home.toString(), Integer.toString(httpPort)));
        if (ephemeral) {
            // the child deletes its directory itself, so nothing is left behind even if this JVM is killed
            command.add(DELETE_ON_EXIT);
        }
        return command;
    }

    // java.home first: the current process may be a native launcher (jpackage, an IDE) rather than java itself
    private static String javaBinary() {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command()
            .orElseThrow(() -> new IllegalStateException("cannot find the java binary of this JVM under " + java));
    }
}
