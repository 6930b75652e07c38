package dev.keel.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binaries are unpacked into the shared temporary folder, where anyone may create a folder of the
 * same name first, with a postgres of their own in it: Keel must run only binaries its own user unpacked.
 */
class BinariesTest {

    private static final String FOREIGN_POSTGRES = "#!/bin/sh\necho not PostgreSQL\n";

    @TempDir
    Path sharedTemp;

    @Test
    void unpacksIntoAFolderOfItsOwnThatOnlyItsUserMayChange() throws IOException {
        Path installation = Binaries.installIn(sharedTemp);

        assertThat(Files.getAttribute(installation, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(Accounts.currentUid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installation))).isEqualTo("rwxr-xr-x");
        assertThat(Binaries.bin(installation, "postgres")).isExecutable();
        assertThat(Binaries.installIn(sharedTemp)).isEqualTo(installation);
    }

    @Test
    void refusesAFolderOfAnotherUser() throws IOException {
        assumeTrue(Accounts.currentUid() == 0, "only root can make a folder of another user");
        Path planted = plantBinaries(Binaries.folderIn(sharedTemp));
        Files.setAttribute(planted, "unix:uid", 4242);

        assertThatThrownBy(() -> Binaries.installIn(sharedTemp))
                .hasMessageContaining(planted + " belongs to uid 4242")
                .hasMessageContaining("rm -rf " + planted);
        assertThat(Files.readString(Binaries.bin(planted, "postgres"))).isEqualTo(FOREIGN_POSTGRES);
    }

    @Test
    void refusesAFolderOthersMayWriteTo() throws IOException {
        Path planted = plantBinaries(Binaries.folderIn(sharedTemp));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> Binaries.installIn(sharedTemp))
                .hasMessageContaining(planted + " may be changed by other users");
    }

    @Test
    void refusesALinkInPlaceOfTheFolder() throws IOException {
        Path elsewhere = plantBinaries(sharedTemp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(Binaries.folderIn(sharedTemp), elsewhere);

        assertThatThrownBy(() -> Binaries.installIn(sharedTemp))
                .hasMessageContaining(link + " is a symbolic link");
    }

    /** A complete-looking installation whose programs are not PostgreSQL. */
    private static Path plantBinaries(Path folder) throws IOException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
            Files.writeString(bin.resolve(program), FOREIGN_POSTGRES);
            Files.setPosixFilePermissions(bin.resolve(program), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }
}
