package dev.keel.command.snapshot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * (README: Configuration)
 *
 * @param threshold an aggregate that took more events than this to load or change gets a new snapshot
 */
@ConfigurationProperties("keel.snapshots")
record SnapshotProperties(@DefaultValue("50") int threshold) {

    SnapshotProperties {
        if (threshold < 1) {
            throw new IllegalArgumentException("The snapshot threshold must be at least one event, got " + threshold);
        }
    }
}
