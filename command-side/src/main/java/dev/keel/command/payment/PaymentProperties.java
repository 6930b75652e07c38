package dev.keel.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param deadline an order still unpaid this long after it was placed is cancelled ({@code KEEL_PAYMENT_DEADLINE})
 * @param gateway  {@code sandbox} (test tokens, the default) or {@code stripe} ({@code KEEL_PAYMENT_GATEWAY})
 * @param stripe   the Stripe account, for {@code gateway=stripe}
 */
@ConfigurationProperties("keel.payment")
public record PaymentProperties(@DefaultValue("PT30M") Duration deadline,
                                @DefaultValue("sandbox") String gateway,
                                @DefaultValue Stripe stripe) {

    /** @return whether Stripe's webhooks are taken: the gateway is Stripe and a signing secret is set */
    public boolean stripeWebhooks() {
        return "stripe".equals(gateway) && stripe != null && stripe.webhookSecret() != null
                && !stripe.webhookSecret().isBlank();
    }

    /**
     * @param apiKey           secret API key ({@code KEEL_STRIPE_API_KEY})
     * @param apiBase          where the Stripe API is, for a stand-in ({@code KEEL_STRIPE_API_BASE}); empty: Stripe's own
     * @param webhookSecret    signing secret of the webhook endpoint ({@code KEEL_STRIPE_WEBHOOK_SECRET})
     * @param webhookTolerance how old a webhook's signed timestamp may be ({@code KEEL_STRIPE_WEBHOOK_TOLERANCE})
     */
    public record Stripe(String apiKey, String apiBase, String webhookSecret,
                         @DefaultValue("300s") Duration webhookTolerance) {
    }
}
