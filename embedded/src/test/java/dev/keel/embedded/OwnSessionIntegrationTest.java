package dev.keel.embedded;

import dev.keel.embedded.elasticsearch.EmbeddedElasticsearch;
import dev.keel.embedded.postgres.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A terminal's Ctrl-C goes to every process of its foreground group: the servers must not be in ours,
 * or they would die at once instead of being stopped in order by this JVM's shutdown.
 */
class OwnSessionIntegrationTest {

    @Test
    void theServersRunInSessionsOfTheirOwn() throws IOException {
        assumeTrue(Executables.find("setsid").isPresent(), "no setsid on this machine");
        EmbeddedPostgres.sharedEphemeral();
        EmbeddedElasticsearch.sharedEphemeral();

        long ours = session(ProcessHandle.current().pid());
        var children = ProcessHandle.current().children()
                .filter(child -> child.info().command().map(command -> command.endsWith("postgres")
                        || command.endsWith("java")).orElse(false))
                .toList();
        assertThat(children).as("the postgres server and the Elasticsearch JVM").hasSizeGreaterThanOrEqualTo(2);
        for (ProcessHandle child : children) {
            assertThat(session(child.pid())).as(child.info().command().orElse("?")).isNotEqualTo(ours);
        }
    }

    /** The session id: field 6 of /proc/PID/stat, counted after the parenthesised command name. */
    private static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }
}
