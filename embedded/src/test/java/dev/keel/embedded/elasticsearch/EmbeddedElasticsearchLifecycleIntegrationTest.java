package dev.keel.embedded.elasticsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedElasticsearchLifecycleIntegrationTest {

    @Test
    void keepsDataAcrossARestartOnTheSameDirectory(@TempDir Path directory) {
        try (var first = EmbeddedElasticsearch.builder().dataDirectory(directory).start()) {
            var http = new ElasticsearchHttp(first);
            http.put("/notes", "{\"settings\": {\"number_of_replicas\": 0}}");
            http.put("/notes/_doc/1?refresh=true", "{\"text\": \"still here\"}");
        }

        try (var second = EmbeddedElasticsearch.builder().dataDirectory(directory).start()) {
            var note = new ElasticsearchHttp(second).get("/notes/_doc/1?filter_path=_source");

            assertThat(note.body()).isEqualTo("{\"_source\":{\"text\":\"still here\"}}");
        }
    }

    @Test
    void closeStopsTheChildJvmAndDeletesAnEphemeralDirectory() {
        var node = EmbeddedElasticsearch.builder().ephemeral().heap("256m").start();
        Process child = node.process();
        List<ProcessHandle> grandchildren = child.descendants().toList();

        node.close();

        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitValue()).as("exit code; a forced kill would not be 0").isZero();
        assertThat(grandchildren).noneMatch(ProcessHandle::isAlive);
        assertThat(node.dataDirectory()).doesNotExist();
    }

    @Test
    void explainsAFailedStartWithTheTailOfTheNodesLog() {
        Path inUse = EmbeddedElasticsearch.sharedEphemeral().dataDirectory();

        assertThatIllegalStateException()
            .isThrownBy(() -> EmbeddedElasticsearch.builder().dataDirectory(inUse).start())
            .withMessageContaining("failed to start: its JVM exited with code 1 before it was ready")
            .withMessageContaining("last lines of " + inUse.resolve("logs").resolve("elasticsearch.log"))
            .withMessageContaining("failed to obtain node locks");
        assertThat(new ElasticsearchHttp(EmbeddedElasticsearch.sharedEphemeral()).head("/").statusCode()).isEqualTo(200);
    }
}
