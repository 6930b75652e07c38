package dev.keel.bench.stack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    @Test
    void signsTokensThatTheKeySetHandedToTheAppVerifies() throws Exception {
        Jwt jwt = Jwt.generate();
        JsonNode key = JSON.readTree(jwt.jwkSet()).get("keys").get(0);
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, B64.decode(key.get("n").asString())), new BigInteger(1, B64.decode(key.get("e").asString()))));

        String[] token = jwt.token("user-1", List.of("STAFF")).split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(rsa.verify(B64.decode(token[2]))).isTrue();
        assertThat(key.get("d").asString()).isNotBlank();
        JsonNode claims = JSON.readTree(B64.decode(token[1]));
        assertThat(claims.get("iss").asString()).isEqualTo("keel");
        assertThat(claims.get("aud").asString()).isEqualTo("keel");
        assertThat(claims.get("sub").asString()).isEqualTo("user-1");
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("STAFF");
        assertThat(claims.get("exp").asLong()).isGreaterThan(claims.get("iat").asLong());
    }
}
