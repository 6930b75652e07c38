package dev.keel.command.bus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The group-commit bus's sizes (README: Configuration).
 *
 * @param committers transactions open at once, each holding a connection
 * @param maxBatch   the most commands sharing one transaction
 * @param queue      the most commands waiting for each committer; more are refused at once
 * @param timeout    the longest a command waits for its committer; after that it is refused, and never runs
 */
@ConfigurationProperties("keel.commands")
record CommandBusProperties(@DefaultValue("4") int committers,
                            @DefaultValue("64") int maxBatch,
                            @DefaultValue("1000") int queue,
                            @DefaultValue("10s") Duration timeout) {

    CommandBusProperties {
        if (committers < 1 || maxBatch < 1 || queue < 1 || !timeout.isPositive()) {
            throw new IllegalArgumentException("The command bus needs at least one committer, a batch and a queue of"
                    + " at least one and a positive timeout; got " + committers + ", " + maxBatch + ", " + queue
                    + ", " + timeout);
        }
    }
}
