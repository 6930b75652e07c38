package dev.keel.app.privacy;

import javax.crypto.SecretKey;
import java.util.Base64;

/**
 * A value sealed with a person's data key, as it is stored: {@code pd1:<base64 nonce+ciphertext>}.
 * The place (subject and field) is the associated data, so a sealed value cannot be moved to another
 * person or field.
 */
final class Sealed {

    static final String PREFIX = "pd1:";

    private Sealed() {
    }

    static boolean is(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    static String seal(SecretKey key, byte[] plaintext, String place) {
        return PREFIX + Base64.getEncoder().encodeToString(Aes.encrypt(key, plaintext, place));
    }

    /** @throws IllegalStateException if it was not sealed with this key for this place */
    static byte[] open(SecretKey key, String sealed, String place) {
        return Aes.decrypt(key, Base64.getDecoder().decode(sealed.substring(PREFIX.length())), place);
    }
}
