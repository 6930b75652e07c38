package dev.keel.app.security;

import com.nimbusds.jose.jwk.RSAKey;
import dev.keel.app.privacy.MasterKey;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class NewKeysTest {

    @Test
    void printsKeysKeelAcceptsAndThatTheDevelopmentTokenToolRefuses() {
        Map<String, String> printed = NewKeys.lines().lines()
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));

        assertThat(printed).containsOnlyKeys("KEEL_JWT_KEYS", "KEEL_MASTER_KEY");
        String jwtKeys = printed.get("KEEL_JWT_KEYS");
        assertThat(jwtKeys).startsWith("'").endsWith("'");
        RSAKey key = (RSAKey) SigningKeys.fromJson(jwtKeys.substring(1, jwtKeys.length() - 1)).getKeys().getFirst();
        assertThat(key.isPrivate()).isTrue();
        assertThat(SigningKeys.isDevelopmentKey(key)).isFalse();
        assertThat(MasterKey.fromBase64(printed.get("KEEL_MASTER_KEY"))).isNotNull();
        assertThat(NewKeys.lines()).isNotEqualTo(NewKeys.lines());
    }
}
