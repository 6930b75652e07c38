package dev.keel.app.security;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ./keel token} mints STAFF tokens at will: only ever with the key of a development run. */
class DevTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void signsWithTheDevelopmentKeyOfTheDataFolder() throws Exception {
        RSAKey key = (RSAKey) SigningKeys.developmentKey(dataDir.resolve("jwt-signing-keys.json")).getKeys().getFirst();

        SignedJWT token = SignedJWT.parse(DevToken.token(Map.of("KEEL_DATA_DIR", dataDir.toString()), "staff", "ada"));

        assertThat(token.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("ada");
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("keel");
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("STAFF");
    }

    @Test
    void usesTheConfiguredIssuerAndAudience() throws Exception {
        SigningKeys.developmentKey(dataDir.resolve("jwt-signing-keys.json"));

        SignedJWT token = SignedJWT.parse(DevToken.token(Map.of("KEEL_DATA_DIR", dataDir.toString(),
                "KEEL_JWT_ISSUER", "keel-dev", "KEEL_JWT_AUDIENCE", "keel-app"), "CUSTOMER"));

        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("keel-dev");
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("keel-app");
    }

    @Test
    void refusesToSignWithConfiguredKeys() {
        SigningKeys.developmentKey(dataDir.resolve("jwt-signing-keys.json"));
        var configured = new JWKSet(key("deployment")).toString(false);

        assertThatThrownBy(() -> DevToken.token(Map.of("KEEL_JWT_KEYS", configured,
                "KEEL_DATA_DIR", dataDir.toString()), "STAFF"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KEEL_JWT_KEYS is set")
                .hasMessageContaining("only with the development key");
    }

    @Test
    void refusesAKeyFileThatKeelDidNotMakeForDevelopment() throws Exception {
        Files.writeString(dataDir.resolve("jwt-signing-keys.json"), new JWKSet(key("deployment")).toString(false));

        assertThatThrownBy(() -> DevToken.token(Map.of("KEEL_DATA_DIR", dataDir.toString()), "STAFF"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a development key")
                .hasMessageContaining("delete it");
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
