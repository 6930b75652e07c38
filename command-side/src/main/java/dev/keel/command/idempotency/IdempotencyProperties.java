package dev.keel.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param retention how long a key is remembered; a retry after that runs as a new request */
@ConfigurationProperties("keel.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention) {
}
