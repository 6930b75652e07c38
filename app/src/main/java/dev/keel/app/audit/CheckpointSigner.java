package dev.keel.app.audit;

import dev.keel.app.privacy.MasterKey;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** HMAC-SHA256 of a checkpoint under a key of its own, derived from the master key. */
@Component
class CheckpointSigner {

    private final SecretKeySpec key;

    CheckpointSigner(MasterKey masterKey) {
        this.key = new SecretKeySpec(masterKey.derive("keel/audit-checkpoint/v1"), "HmacSHA256");
    }

    byte[] sign(AuditCheckpoint checkpoint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(checkpoint.signed());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    boolean holds(AuditCheckpoint checkpoint) {
        return checkpoint.chainPosition() == 0 || MessageDigest.isEqual(sign(checkpoint), checkpoint.signature());
    }
}
