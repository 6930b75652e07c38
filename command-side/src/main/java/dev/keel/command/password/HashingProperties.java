package dev.keel.command.password;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the node password hashing may take (README: Configuration).
 *
 * @param threads hashes computed at once; 0 means half the processors, at least one, so that the
 *                other half is left for reads, commands and projections
 * @param queue   hashes waiting for a thread; more get 503 at once
 */
@ConfigurationProperties("keel.hashing")
record HashingProperties(@DefaultValue("0") int threads, @DefaultValue("16") int queue) {

    int threadsOrDefault() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
