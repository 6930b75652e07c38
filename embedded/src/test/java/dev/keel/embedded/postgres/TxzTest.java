package dev.keel.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class TxzTest {

    @TempDir
    Path temp;

    @Test
    void opensTheUnpackedFoldersButNotWhatALinkInTheArchivePointsTo() throws IOException {
        Path outside = Files.createDirectory(temp.resolve("outside"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path target = Files.createDirectory(temp.resolve("target"));

        Txz.extract(new ByteArrayInputStream(archiveWithFolderAndLinkTo(outside)), target);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("bin"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(Files.readSymbolicLink(target.resolve("lib"))).isEqualTo(outside);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside))).isEqualTo("rwx------");
    }

    private static byte[] archiveWithFolderAndLinkTo(Path linkTarget) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
            var folder = new TarArchiveEntry("bin/");
            folder.setMode(0700);
            tar.putArchiveEntry(folder);
            tar.closeArchiveEntry();
            var link = new TarArchiveEntry("lib", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(linkTarget.toString());
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
