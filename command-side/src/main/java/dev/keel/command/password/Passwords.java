package dev.keel.command.password;

import dev.keel.command.account.IdentityProperties;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing with the configured cost. {@link #matchesOrDummy} spends the same work when there
 * is no stored hash, so a login for an unknown email costs as much as one with a wrong password.
 */
@Component
public class Passwords {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder encoder;
    private final String dummyHash;

    Passwords(IdentityProperties properties) {
        var argon2 = properties.argon2();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, argon2.parallelism(), argon2.memoryKib(),
                argon2.iterations());
        this.dummyHash = encoder.encode("dummy password that no account has");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** @param storedHash the account's hash, or {@code null} when there is no such account or password */
    public boolean matchesOrDummy(String password, String storedHash) {
        boolean matches = encoder.matches(password, storedHash == null ? dummyHash : storedHash);
        return storedHash != null && matches;
    }
}
