package dev.keel.embedded.postgres;

import static dev.keel.embedded.postgres.Sql.execute;
import static dev.keel.embedded.postgres.Sql.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any local process can reach a loopback port: the server must ask for a password that only Keel's
 * own user can read, never trust the connection.
 */
class PasswordAuthenticationTest {

    @TempDir
    Path temp;

    @BeforeEach
    void letTheServerUserThroughTheTempFolder() throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void refusesAConnectionWithoutThePasswordOrWithAWrongOne() {
        var server = EmbeddedPostgres.sharedEphemeral();

        assertThat(server.password()).hasSizeGreaterThanOrEqualTo(40);
        assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(server, "postgres")).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> connect(server, server.password() + "x"))
                .hasMessageContaining("password authentication failed");
        assertThat(query(server, "select 1")).isEqualTo("1");
    }

    @Test
    void storesOnlyAScramVerifierOnTheServer() {
        var server = EmbeddedPostgres.sharedEphemeral();

        assertThat(query(server, "select rolpassword from pg_authid where rolname = 'postgres'"))
                .startsWith("SCRAM-SHA-256$");
        assertThat(query(server, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
                .isEqualTo("scram-sha-256");
    }

    @Test
    void keepsThePasswordInAFileOnlyKeelsOwnUserCanRead() throws IOException {
        Path file = EmbeddedPostgres.sharedEphemeral().dataDirectory().resolve(Credentials.PASSWORD_FILE);

        assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(Accounts.currentUid());
    }

    @Test
    void keepsThePasswordAcrossARestartAndClosesTheFileAgain() throws IOException {
        Path data = temp.resolve("data");
        String password;
        try (var first = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            password = first.password();
            execute(first, "create table note (text varchar)");
        }
        Path file = data.resolve(Credentials.PASSWORD_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (var second = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            assertThat(second.password()).isEqualTo(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(query(second, "select count(*) from note")).isEqualTo("0");
            assertThatThrownBy(() -> connect(second, "")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void givesADataFolderMadeWithTrustAPasswordBeforeServingIt() throws IOException {
        Path data = temp.resolve("data");
        initializeWithTrust(data);

        try (var server = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            assertThatThrownBy(() -> connect(server, "")).isInstanceOf(SQLException.class);
            assertThat(query(server, "select current_database()")).isEqualTo("keel");
            assertThat(query(server, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
        }
        try (var restarted = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            assertThat(query(restarted, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void setsANewPasswordWhenThePasswordFileIsLost() throws IOException {
        Path data = temp.resolve("data");
        String lost;
        try (var first = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            lost = first.password();
        }
        Files.delete(data.resolve(Credentials.PASSWORD_FILE));

        try (var server = EmbeddedPostgres.builder().dataDirectory(data).start()) {
            assertThat(server.password()).isNotEqualTo(lost);
            assertThatThrownBy(() -> connect(server, lost)).hasMessageContaining("password authentication failed");
            assertThat(query(server, "select 1")).isEqualTo("1");
        }
    }

    /** What Keel did before it used passwords: {@code initdb -A trust}. */
    private static void initializeWithTrust(Path data) throws IOException {
        var cluster = new Cluster(ServerUser.current(), Binaries.install(), data);
        cluster.prepare();
        Commands.run(cluster.user().command(Binaries.bin(cluster.installation(), "initdb"), "-D", data.toString(),
                "-U", Cluster.SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--locale-provider=builtin",
                "--builtin-locale=C.UTF-8", "--no-instructions"), cluster.installation());
    }

    private static void connect(EmbeddedPostgres server, String password) throws SQLException {
        DriverManager.getConnection(server.jdbcUrl(), server.username(), password).close();
    }
}
