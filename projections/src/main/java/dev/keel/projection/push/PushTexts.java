package dev.keel.projection.push;

import dev.keel.api.money.Money;
import dev.keel.api.order.OrderId;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A notification's title and body in the device's language ({@code push/messages*.properties}):
 * English unless a bundle for its language exists (German today). Add a language by adding a file.
 */
final class PushTexts {

    record Text(String title, String body) {
    }

    private PushTexts() {
    }

    /** How a notification names an order: the first eight characters of its id, as the apps show it. */
    static String orderNumber(OrderId orderId) {
        return orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** @param key the message's key without {@code .title}/{@code .body} ({@code order.PLACED}) */
    static Text of(String key, String languageTag, Object... args) {
        Locale locale = locale(languageTag);
        ResourceBundle bundle = ResourceBundle.getBundle("push.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] localized = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            localized[i] = args[i] instanceof Money money ? amount(money, locale) : args[i];
        }
        return new Text(new MessageFormat(bundle.getString(key + ".title"), locale).format(localized),
                new MessageFormat(bundle.getString(key + ".body"), locale).format(localized));
    }

    private static String amount(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty()
                ? Locale.of(locale.getLanguage(), locale.getLanguage().equals("de") ? "DE" : "US") : locale);
        format.setCurrency(money.currency());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(money.amountMinor(), money.currency().getDefaultFractionDigits()));
    }

    private static Locale locale(String languageTag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(languageTag == null ? "en" : languageTag).build();
            return locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
        } catch (IllformedLocaleException e) {
            return Locale.ENGLISH;
        }
    }
}
