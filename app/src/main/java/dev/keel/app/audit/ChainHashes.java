package dev.keel.app.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place the chain's hashes are computed: SHA-256 over length-prefixed fields, a null told
 * apart from an empty value, so a field's bytes can never slide into its neighbour's.
 */
final class ChainHashes {

    /** The previous hash of the first record. */
    static final byte[] GENESIS = new byte[32];

    private final MessageDigest sha256;

    private ChainHashes() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    static ChainHashes digest() {
        return new ChainHashes();
    }

    static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    ChainHashes add(long value) {
        sha256.update(ByteBuffer.allocate(9).put((byte) 'L').putLong(value).array());
        return this;
    }

    ChainHashes add(String value) {
        return add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    ChainHashes add(byte[] value) {
        if (value == null) {
            sha256.update((byte) 'N');
            return this;
        }
        sha256.update(ByteBuffer.allocate(5).put((byte) 'B').putInt(value.length).array());
        sha256.update(value);
        return this;
    }

    byte[] finish() {
        return sha256.digest();
    }
}
