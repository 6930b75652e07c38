package dev.keel.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/** Where Keel's JWT signing keys come from: configuration, a kept development key, or a fresh one. */
final class SigningKeys {

    /** The start of the key id of every key Keel generates for development, and of no other. */
    static final String DEVELOPMENT_KEY_ID = "development-";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static JWKSet fromJson(String json) {
        try {
            JWKSet set = JWKSet.parse(json);
            if (set.getKeys().isEmpty() || !(set.getKeys().getFirst() instanceof RSAKey first) || !first.isPrivate()) {
                throw new IllegalArgumentException("keel.jwt.keys: the first key must be an RSA private key");
            }
            return set;
        } catch (ParseException e) {
            throw new IllegalArgumentException("keel.jwt.keys is not a JWK set: " + e.getMessage(), e);
        }
    }

    /**
     * A development key kept in {@code file}, so tokens survive a restart of the local default. Nodes
     * sharing the folder race safely: the first key written wins and every node uses it.
     */
    static JWKSet developmentKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path draft = Files.createTempFile(file.getParent(), "jwt-keys", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(draft, new JWKSet(generate(DEVELOPMENT_KEY_ID + UUID.randomUUID())).toString(false));
                try {
                    Files.createLink(file, draft); // unlike a rename, a link never replaces a winner
                } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                    // use theirs
                } finally {
                    Files.delete(draft);
                }
            }
            log.warn("No keel.jwt.keys configured: signing tokens with the development key in {}", file);
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the development signing key in " + file, e);
        }
    }

    static JWKSet ephemeralKey() {
        return new JWKSet(generate(DEVELOPMENT_KEY_ID + UUID.randomUUID()));
    }

    /** A key for a deployment's {@code KEEL_JWT_KEYS}: not marked as a development key. */
    static JWKSet newDeploymentKey() {
        return new JWKSet(generate(UUID.randomUUID().toString()));
    }

    static boolean isDevelopmentKey(RSAKey key) {
        return key.getKeyID() != null && key.getKeyID().startsWith(DEVELOPMENT_KEY_ID);
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(keyId)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
