package dev.keel.testing;

import dev.keel.command.payment.PaymentProperties;
import dev.keel.command.payment.StripeWebhooks;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/**
 * The shared test context runs the sandbox gateway, where Stripe's webhooks are off; its webhook
 * endpoint takes them as a Stripe-gateway Keel with this signing secret would, so the endpoint is
 * tested over HTTP without a context of its own.
 */
@Configuration(proxyBeanMethods = false)
class StripeWebhookConfiguration {

    /** The endpoint's signing secret in the tests. */
    static final String SECRET = "whsec_keel_tests_0123456789";

    @Bean
    @Primary
    StripeWebhooks stripeWebhooksAsWithStripe(JdbcClient jdbc, CommandGateway commands) {
        var stripe = new PaymentProperties.Stripe(null, null, SECRET, Duration.ofSeconds(300));
        return new StripeWebhooks(new PaymentProperties(Duration.ofMinutes(30), "stripe", stripe), jdbc, commands);
    }
}
