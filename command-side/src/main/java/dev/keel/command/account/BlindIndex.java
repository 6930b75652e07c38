package dev.keel.command.account;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Blind indexes: keyed hashes (HMAC with a key derived from the master key) of identifiers that are
 * personal data. Uniqueness and lookups use them, so an email address or a Firebase uid is never
 * stored in plaintext as a key.
 */
public interface BlindIndex {

    /** @return the index of {@code email} after {@link #normalizeEmail} */
    String ofEmail(String email);

    /** @return the index of a Firebase uid (case-sensitive, used as is) */
    String ofFirebaseUid(String uid);

    /** Trimmed, Unicode NFC, lower case: what makes two spellings of one address the same. */
    static String normalizeEmail(String email) {
        return Normalizer.normalize(email.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
