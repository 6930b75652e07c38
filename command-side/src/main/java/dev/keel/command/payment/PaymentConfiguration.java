package dev.keel.command.payment;

import com.stripe.StripeClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway chosen by {@code keel.payment.gateway}, and the payment process's event processor. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    @ConditionalOnProperty(name = "keel.payment.gateway", havingValue = "sandbox", matchIfMissing = true)
    PaymentGateway sandboxGateway() {
        return new SandboxGateway();
    }

    /** Refuses to start without an API key: payments would fail one by one, long after the deploy. */
    @Bean
    @ConditionalOnProperty(name = "keel.payment.gateway", havingValue = "stripe")
    PaymentGateway stripeGateway(PaymentProperties properties) {
        PaymentProperties.Stripe stripe = properties.stripe();
        if (stripe == null || stripe.apiKey() == null || stripe.apiKey().isBlank()) {
            throw new IllegalStateException("KEEL_PAYMENT_GATEWAY=stripe needs KEEL_STRIPE_API_KEY");
        }
        var client = StripeClient.builder().setApiKey(stripe.apiKey()).setMaxNetworkRetries(0);
        if (stripe.apiBase() != null && !stripe.apiBase().isBlank()) {
            client.setApiBase(stripe.apiBase());
        }
        return new StripeGateway(client.build());
    }

    /**
     * One event per transaction, since each may call the gateway; and from the head of the event
     * stream when first started, so orders placed before payments existed are neither charged nor
     * cancelled by a deadline computed from their placing.
     */
    @Bean
    ConfigurerModule paymentProcessProcessor() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                PaymentProcess.GROUP, (config, builder) -> builder
                        .batchSize(1)
                        .initialSegmentCount(2)
                        .initialToken(StreamableMessageSource::createHeadToken));
    }
}
