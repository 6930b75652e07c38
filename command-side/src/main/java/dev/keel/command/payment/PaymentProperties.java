package dev.keel.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param deadline an order still unpaid this long after it was placed is cancelled ({@code KEEL_PAYMENT_DEADLINE})
 * @param gateway  {@code sandbox} (test tokens, the default) or {@code stripe} ({@code KEEL_PAYMENT_GATEWAY})
 */
@ConfigurationProperties("keel.payment")
public record PaymentProperties(@DefaultValue("PT30M") Duration deadline, @DefaultValue("sandbox") String gateway) {
}
