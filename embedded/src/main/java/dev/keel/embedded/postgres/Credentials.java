package dev.keel.embedded.postgres;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The superuser's password, and the rule that every connection gives it. Any local process can reach a
 * loopback port, so the server trusts nobody: it keeps a SCRAM-SHA-256 verifier, and the password itself
 * lies in {@value #PASSWORD_FILE} in the data directory, mode 0600, owned by the user Keel runs as (root
 * reads it; the server, running as {@code nobody}, never needs it). Files in the data directory are
 * written as a new file renamed into place, so a link planted there is replaced, never followed.
 */
final class Credentials {

    static final String PASSWORD_FILE = "keel-password";
    static final String HBA_FILE = "pg_hba.conf";
    static final String HBA = """
            # Written by Keel on every start: every connection gives the password (SCRAM-SHA-256).
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OWNER_ONLY = "rw-------";

    private Credentials() {}

    /** Initializes an empty data directory with a new password; returns it. */
    static String initialize(Cluster cluster) throws IOException {
        String password = newPassword();
        cluster.initialize(password);
        store(cluster.dataDirectory(), password);
        return requirePassword(cluster, password);
    }

    /**
     * The password of an existing data directory. One without a password file (made by a Keel that used
     * {@code trust}, or whose file was lost) gets a new password first, set in single-user mode, where
     * no connection is possible: there is no moment when the server listens and trusts.
     */
    static String ofExisting(Cluster cluster, Map<String, String> settings) throws IOException {
        Optional<String> kept = read(cluster.dataDirectory());
        if (kept.isPresent()) {
            return requirePassword(cluster, kept.get());
        }
        String password = newPassword();
        cluster.setPassword(password, settings);
        // Stored only once the server has it: a crash in between leaves no file, and the next start sets another
        store(cluster.dataDirectory(), password);
        log.warn("The PostgreSQL data in {} had no {}: set a new superuser password, kept in that file",
                cluster.dataDirectory(), PASSWORD_FILE);
        return requirePassword(cluster, password);
    }

    private static String requirePassword(Cluster cluster, String password) throws IOException {
        Path hba = cluster.dataDirectory().resolve(HBA_FILE);
        if (!HBA.equals(currentHba(hba))) {
            replace(hba, HBA, cluster.user());
            log.info("Wrote {}: the server now asks every connection for the password", hba);
        }
        return password;
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.isSymbolicLink(file)) {
            throw new IllegalStateException(file + " is a symbolic link; Keel reads its password only from a plain"
                    + " file. Delete the link, and Keel sets a new password on the next start.");
        }
        Optional<String> password = readNoFollow(file).map(String::strip).filter(p -> !p.isEmpty());
        if (password.isPresent() && !OWNER_ONLY.equals(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))) {
            // A mode loosened by hand (a copy, an archive tool): a new file, since Java's chmod follows links
            store(dataDirectory, password.get());
        }
        return password;
    }

    /** Null when it is missing or a link: either way it is replaced. */
    private static String currentHba(Path hba) throws IOException {
        try {
            return readNoFollow(hba).orElse(null);
        } catch (FileSystemException link) {
            return null;
        }
    }

    private static Optional<String> readNoFollow(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading
            }
            return Optional.of(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The password file belongs to the user Keel runs as: only it (and root) may read it. */
    private static void store(Path dataDirectory, String password) throws IOException {
        replace(dataDirectory.resolve(PASSWORD_FILE), password + "\n", null);
    }

    /**
     * Writes a new file beside {@code target} (created exclusively, so never through a link), hands it to
     * {@code owner} when given, and renames it over {@code target}.
     */
    private static void replace(Path target, String content, ServerUser owner) throws IOException {
        Path draft = target.resolveSibling(target.getFileName() + ".keel-" + Long.toHexString(RANDOM.nextLong()));
        try {
            try (var channel = FileChannel.open(draft, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(OWNER_ONLY)))) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (owner != null) {
                owner.hand(draft);
            }
            Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
