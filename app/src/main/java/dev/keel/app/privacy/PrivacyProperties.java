package dev.keel.app.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param masterKey base64 of 32 random bytes; wraps every data key and keys the email blind index.
 *                  Empty: a development key is generated and kept in {@code keel.data-dir}
 */
@ConfigurationProperties("keel.privacy")
record PrivacyProperties(@DefaultValue("") String masterKey) {
}
