package dev.keel.command.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** At most {@code refreshes} refreshes of one session within any {@code window} (README: Configuration). */
@ConfigurationProperties("keel.refresh-limit")
record RefreshLimitProperties(@DefaultValue("10") int refreshes, @DefaultValue("5m") Duration window) {

    RefreshLimitProperties {
        if (refreshes < 1 || !window.isPositive()) {
            throw new IllegalArgumentException("The refresh limit needs at least one refresh in a positive window");
        }
    }
}
