package dev.keel.embedded.elasticsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ChildClasspathTest {

    @TempDir
    Path directory;

    @Test
    void namesAMissingJarAndHowToGetItBack() {
        Path missing = directory.resolve("elasticsearch-9.5.3.jar");

        assertThatIllegalStateException()
            .isThrownBy(() -> ChildClasspath.of(directory, missing + "\n"))
            .withMessageContaining(missing.toString())
            .withMessageContaining("./mvnw install");
    }

    @Test
    void readsJarsListedOneALineOrJoinedWithThePathSeparator() throws IOException {
        Path server = Files.createFile(directory.resolve("elasticsearch-9.5.3.jar"));
        Path netty = Files.createFile(directory.resolve("transport-netty4-9.5.3.jar"));

        var perLine = ChildClasspath.of(directory, server + "\n" + netty + "\n");
        var joined = ChildClasspath.of(directory, server + File.pathSeparator + netty);

        assertThat(perLine.entries()).containsExactly(directory, server, netty).isEqualTo(joined.entries());
        assertThat(perLine.elasticsearchVersion()).isEqualTo("9.5.3");
    }

    @Test
    void findsEveryJarTheBuildListed() {
        var classpath = ChildClasspath.load();

        assertThat(classpath.entries()).hasSizeGreaterThan(50).allMatch(Files::exists);
        assertThat(classpath.elasticsearchVersion()).isEqualTo("9.5.3");
    }
}
