package dev.keel.api.account;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The token in a mailed link (verify an email address, reset a password): which request of which
 * account it answers, for what, and until when, sealed with HMAC-SHA256 under a key that only Keel's
 * nodes hold (derived from the master key). The mailer makes it and the command side opens it;
 * nothing is stored in between, so a link works the moment its mail is out. Whether it still works
 * (the newest request, not used yet, not expired) is the Account aggregate's rule.
 *
 * <p>Unforgeable without the key; compared in constant time; a token made for one purpose never
 * opens as the other. The token is signed, not encrypted: it shows its account and request ids,
 * which are no secret to the mailbox it is sent to.
 */
public final class LinkTokens {

    /** What a link is for; the code is part of the signed token, so it can never change meaning. */
    public enum Purpose {
        VERIFY_EMAIL(1), RESET_PASSWORD(2);

        private final byte code;

        Purpose(int code) {
            this.code = (byte) code;
        }
    }

    /** What a token says. */
    public record Link(Purpose purpose, AccountId accountId, UUID requestId, Instant expiresAt) {
    }

    private static final byte FORMAT = 1;
    private static final int BODY = 1 + 1 + 16 + 16 + 8;
    private static final int MAC = 32;

    private final SecretKeySpec key;

    /** @param key 32 bytes that every node shares and nothing else uses */
    public LinkTokens(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A link key has 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** @return the token for the link, URL-safe base64 */
    public String issue(Link link) {
        ByteBuffer body = ByteBuffer.allocate(BODY + MAC)
                .put(FORMAT).put(link.purpose().code)
                .putLong(link.accountId().value().getMostSignificantBits())
                .putLong(link.accountId().value().getLeastSignificantBits())
                .putLong(link.requestId().getMostSignificantBits())
                .putLong(link.requestId().getLeastSignificantBits())
                .putLong(link.expiresAt().getEpochSecond());
        body.put(mac(Arrays.copyOf(body.array(), BODY)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /**
     * @return what the token says, or empty when it was not made by a node holding the key, was
     *         changed, is malformed, or is for another purpose (expiry is the caller's to judge)
     */
    public Optional<Link> open(String token, Purpose purpose) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != BODY + MAC || bytes[0] != FORMAT) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, BODY);
        if (!MessageDigest.isEqual(mac(body), Arrays.copyOfRange(bytes, BODY, BODY + MAC)) || body[1] != purpose.code) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(body, 2, BODY - 2);
        return Optional.of(new Link(purpose, new AccountId(new UUID(fields.getLong(), fields.getLong())),
                new UUID(fields.getLong(), fields.getLong()), Instant.ofEpochSecond(fields.getLong())));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "LinkTokens[key redacted]";
    }
}
