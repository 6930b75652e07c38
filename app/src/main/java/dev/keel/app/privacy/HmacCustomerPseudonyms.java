package dev.keel.app.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.projection.analytics.CustomerPseudonyms;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * HMAC-SHA256 of the customer id under a key derived from the person's own data key (never the data
 * key itself, which encrypts). Looks keys up without creating one: an erased person has none, and
 * neither does anybody who could recompute their old pseudonym.
 */
class HmacCustomerPseudonyms implements CustomerPseudonyms {

    private static final byte[] PURPOSE = "keel/analytics-customer-key/v1".getBytes(StandardCharsets.UTF_8);

    private final PersonalDataKeys keys;

    HmacCustomerPseudonyms(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public Optional<String> of(AccountId customerId) {
        return keys.find(customerId.toString()).map(dataKey -> {
            byte[] derived = mac(dataKey, PURPOSE);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac(new SecretKeySpec(derived, "HmacSHA256"), customerId.toString().getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static byte[] mac(SecretKey key, byte[] value) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return hmac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
