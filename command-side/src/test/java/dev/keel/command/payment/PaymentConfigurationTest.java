package dev.keel.command.payment;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway is chosen by KEEL_PAYMENT_GATEWAY; Stripe without its API key does not start. */
class PaymentConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PaymentProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, PaymentConfiguration.class);

    @Test
    void theSandboxIsTheDefault() {
        context.run(started -> assertThat(started).getBean(PaymentGateway.class).isInstanceOf(SandboxGateway.class));
    }

    @Test
    void stripeIsChosenByConfiguration() {
        context.withPropertyValues("keel.payment.gateway=stripe", "keel.payment.stripe.api-key=sk_test_x",
                        "keel.payment.stripe.api-base=http://127.0.0.1:9")
                .run(started -> assertThat(started).getBean(PaymentGateway.class).isInstanceOf(StripeGateway.class));
    }

    @Test
    void stripeWithoutAnApiKeyRefusesToStart() {
        context.withPropertyValues("keel.payment.gateway=stripe")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("KEEL_PAYMENT_GATEWAY=stripe needs KEEL_STRIPE_API_KEY"));
    }
}
