package dev.keel.app.axon;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.function.BooleanSupplier;

/**
 * {@code axonServer} in {@code /actuator/health} under the {@code axonserver} profile: DOWN while this
 * node has no connection to Axon Server's context, since then no command reaches a handler (they answer
 * 503 with {@code Retry-After}) and no event is stored or delivered. Axon's own indicator is built for
 * Boot 3's actuator and does not load on Boot 4.
 */
public class AxonServerHealth implements HealthIndicator {

    private final BooleanSupplier connected;
    private final String context;

    public AxonServerHealth(BooleanSupplier connected, String context) {
        this.connected = connected;
        this.context = context;
    }

    @Override
    public Health health() {
        Health.Builder health = connected.getAsBoolean() ? Health.up() : Health.down();
        return health.withDetail("context", context).build();
    }
}
