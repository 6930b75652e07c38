package dev.keel.app.privacy;

import dev.keel.command.account.BlindIndex;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * HMAC-SHA256 with keys derived from the master key, one per kind of identifier. Without the master
 * key an index cannot be matched against guessed addresses.
 */
class HmacBlindIndex implements BlindIndex {

    private final SecretKeySpec emailKey;
    private final SecretKeySpec firebaseKey;

    HmacBlindIndex(MasterKey master) {
        this.emailKey = new SecretKeySpec(master.derive("keel/blind-index/email/v1"), "HmacSHA256");
        this.firebaseKey = new SecretKeySpec(master.derive("keel/blind-index/firebase-uid/v1"), "HmacSHA256");
    }

    @Override
    public String ofEmail(String email) {
        return mac(emailKey, BlindIndex.normalizeEmail(email));
    }

    @Override
    public String ofFirebaseUid(String uid) {
        return mac(firebaseKey, uid);
    }

    private static String mac(SecretKeySpec key, String value) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
