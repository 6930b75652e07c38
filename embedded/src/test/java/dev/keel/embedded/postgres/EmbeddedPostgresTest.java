package dev.keel.embedded.postgres;

import static dev.keel.embedded.postgres.Sql.execute;
import static dev.keel.embedded.postgres.Sql.postmasterPid;
import static dev.keel.embedded.postgres.Sql.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    private static final boolean ROOT = Accounts.currentUid() == 0;

    @TempDir
    Path temp;

    @BeforeEach
    void letTheServerUserThroughTheTempFolder() throws IOException {
        // JUnit creates it 0700; as root, nobody must be able to pass through it
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void answersQueriesDurablyOnTheKeelDatabase() {
        var server = EmbeddedPostgres.sharedEphemeral();

        assertThat(query(server, "select version()")).startsWith("PostgreSQL 18");
        assertThat(query(server, "select current_database()")).isEqualTo("keel");
        assertThat(query(server, "show fsync")).isEqualTo("on");
        assertThat(query(server, "show synchronous_commit")).isEqualTo("on");
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/keel");
    }

    @Test
    void runsTheServerAsNobodyWhenStartedByRoot() throws IOException {
        assumeTrue(ROOT, "only root hands the server to another user");
        var server = EmbeddedPostgres.sharedEphemeral();
        int nobody = Accounts.user("nobody").orElseThrow().uid();

        Path process = Path.of("/proc", String.valueOf(postmasterPid(server.dataDirectory())));
        assertThat(Files.getAttribute(process, "unix:uid")).isEqualTo(nobody);
        assertThat(Files.getAttribute(server.dataDirectory(), "unix:uid")).isEqualTo(nobody);
    }

    @Test
    void sharesOneServerAcrossTheJvmEvenWhenAskedConcurrently() {
        List<EmbeddedPostgres> servers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(EmbeddedPostgres::sharedEphemeral))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(servers).containsOnly(EmbeddedPostgres.sharedEphemeral());
        servers.getFirst().close();
        assertThat(query(EmbeddedPostgres.sharedEphemeral(), "select 1")).isEqualTo("1");
    }

    @Test
    void deletesEphemeralDataOnClose() {
        Path data;
        try (var server = EmbeddedPostgres.builder().ephemeral().start()) {
            data = server.dataDirectory();
            assertThat(data).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
            assertThat(query(server, "select current_database()")).isEqualTo("keel");
        }

        assertThat(data).doesNotExist();
    }

    @Test
    void keepsDataAcrossARestartOnTheSameDirectory() {
        Path data = temp.resolve("data");
        try (var first = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            execute(first, "create table note (text varchar)");
            execute(first, "insert into note values ('kept')");
        }

        try (var second = EmbeddedPostgres.builder().dataDirectory(data).setting("work_mem", "8MB").start()) {
            assertThat(query(second, "select text from note")).isEqualTo("kept");
            assertThat(query(second, "show work_mem")).isEqualTo("8MB");
        }
    }

    @Test
    void restartsAfterThePostgresProcessWasKilled() throws Exception {
        Path data = temp.resolve("data");
        var killed = EmbeddedPostgres.builder().dataDirectory(data).start();
        execute(killed, "create table note (text varchar)");
        execute(killed, "insert into note values ('committed before the crash')");
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid(data)).orElseThrow();

        postmaster.destroyForcibly();
        postmaster.onExit().get();
        killed.close();
        killed.close();

        try (var restarted = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            assertThat(query(restarted, "select text from note")).isEqualTo("committed before the crash");
        }
    }

    @Test
    void showsTheServerLogWhenItCannotStart() {
        var running = EmbeddedPostgres.sharedEphemeral();

        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(running.dataDirectory()).start())
                .hasMessageContaining(running.dataDirectory().resolve("postgres.log").toString())
                .hasMessageContaining("lock file \"postmaster.pid\" already exists");
        assertThat(query(running, "select 1")).isEqualTo("1");
    }

    @Test
    void explainsThatAClusterOfAnotherUserCannotBeServed() throws IOException {
        assumeTrue(ROOT, "only root can make files of another user");
        Path data = Files.createDirectory(temp.resolve("someone-elses"));
        Path version = Files.writeString(data.resolve("PG_VERSION"), "18\n");
        Files.setAttribute(version, "unix:uid", 4242);

        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(data).start())
                .hasMessageContaining("belongs to uid 4242")
                .hasMessageContaining("chown -R");
    }

    @Test
    void neverHandsTheTargetOfALinkToTheServerUser() throws IOException {
        Path victim = Files.createDirectory(temp.resolve("victim"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Object owner = Files.getAttribute(victim, "unix:uid");
        Path data = Files.createSymbolicLink(temp.resolve("data"), victim);

        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(data).start())
                .hasMessageContaining(data + " is a symbolic link (to " + victim + ")");
        if (ROOT) {
            // Should the link appear after that check, root changes the link itself, not what it points to
            ServerUser.current().own(data);
        }
        assertThat(Files.getAttribute(victim, "unix:uid")).isEqualTo(owner);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rwxr-xr-x");
        assertThat(victim).isEmptyDirectory();
    }

    @Test
    void explainsWhichFolderKeepsTheServerUserOut() throws IOException {
        assumeTrue(ROOT, "only root runs the server as another user, who may be locked out");
        Path locked = Files.createDirectory(temp.resolve("locked"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path data = locked.resolve("data");

        assertThat(EmbeddedPostgres.reachableByServerUser(data)).isFalse();
        assertThat(EmbeddedPostgres.reachableByServerUser(temp.resolve("data"))).isTrue();
        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(data).start())
                .hasMessageContaining("cannot enter " + locked + " (owner root, rwx------)")
                .hasMessageContaining("'nobody'")
                .hasMessageContaining("chmod o+x " + locked);
    }
}
