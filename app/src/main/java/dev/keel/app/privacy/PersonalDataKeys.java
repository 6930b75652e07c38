package dev.keel.app.privacy;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * The per-person data keys, in their own table. Erasing a person later means {@link #erase}: their
 * events then read back with personal fields replaced by the erased marker.
 */
public interface PersonalDataKeys {

    /** The subject's key, created on first use. */
    SecretKey keyFor(String subjectId);

    /** The subject's key, or empty when there never was one or it was erased. */
    Optional<SecretKey> find(String subjectId);

    /** Deletes the subject's key for good. */
    void erase(String subjectId);
}
