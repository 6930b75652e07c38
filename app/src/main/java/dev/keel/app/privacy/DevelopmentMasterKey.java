package dev.keel.app.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * A master key kept in the data folder for the local default, so encrypted events stay readable
 * across restarts. Losing this file loses every person's data: configure {@code KEEL_MASTER_KEY}
 * (kept in a secret store) for anything beyond a laptop.
 */
final class DevelopmentMasterKey {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMasterKey.class);

    private DevelopmentMasterKey() {
    }

    static MasterKey keptIn(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path draft = Files.createTempFile(file.getParent(), "master-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(draft, Base64.getEncoder().encodeToString(Aes.randomKey()));
                try {
                    Files.createLink(file, draft); // unlike a rename, a link never replaces a winner
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // use theirs
                } finally {
                    Files.delete(draft);
                }
            }
            log.warn("No keel.privacy.master-key configured: encrypting personal data with the development key in {}",
                    file);
            return MasterKey.fromBase64(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the development master key in " + file, e);
        }
    }

    static MasterKey ephemeral() {
        return MasterKey.of(Aes.randomKey());
    }
}
