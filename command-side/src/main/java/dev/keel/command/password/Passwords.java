package dev.keel.command.password;

import dev.keel.command.account.IdentityProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Argon2id hashing with the configured cost, on the {@link HashingPool} alone: callers get a
 * {@code Mono} that fails with 503 {@code overloaded} when the pool is full. {@link #matchesOrDummy}
 * spends the same work when there is no stored hash, so a login for an unknown email costs as much as
 * one with a wrong password.
 */
@Component
public class Passwords implements DisposableBean {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2PasswordEncoder encoder;
    private final String dummyHash;
    private final HashingPool pool;

    Passwords(IdentityProperties properties, HashingProperties hashing) {
        var argon2 = properties.argon2();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, argon2.parallelism(), argon2.memoryKib(),
                argon2.iterations());
        this.dummyHash = encoder.encode("dummy password that no account has");
        this.pool = new HashingPool(hashing.threadsOrDefault(), hashing.queue());
    }

    public Mono<String> hash(String password) {
        return pool.run(() -> encoder.encode(password));
    }

    /** @param storedHash the account's hash, or {@code null} when there is no such account or password */
    public Mono<Boolean> matchesOrDummy(String password, String storedHash) {
        return pool.run(() -> {
            boolean matches = encoder.matches(password, storedHash == null ? dummyHash : storedHash);
            return storedHash != null && matches;
        });
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
