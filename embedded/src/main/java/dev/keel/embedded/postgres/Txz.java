package dev.keel.embedded.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Unpacks an xz-compressed tar, keeping symbolic links and execute bits, which the binaries need. */
final class Txz {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = FOLDER;
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    private Txz() {}

    static void extract(InputStream txz, Path target) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz, 1 << 16)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                write(tar, entry, target);
            }
        }
        // Folders must be 0755 whatever the umask: the unprivileged server user reads them too. Not through
        // links: chmod would change what they point to
        try (Stream<Path> paths = Files.walk(target)) {
            Stream<Path> folders = paths.filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
            for (Path folder : (Iterable<Path>) folders::iterator) {
                Files.setPosixFilePermissions(folder, FOLDER);
            }
        }
    }

    private static void write(InputStream tar, TarArchiveEntry entry, Path target) throws IOException {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
            throw new IOException("Archive entry escapes the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createLink(path, target.resolve(entry.getLinkName()));
        } else {
            Files.copy(tar, path);
            Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0 ? EXECUTABLE : PLAIN);
        }
    }
}
