package dev.keel.bench.stack;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fresh RSA key handed to the app as {@code KEEL_JWT_KEYS}, and access tokens signed with it exactly
 * as Keel expects them: RS256, {@code iss}, {@code aud}, {@code exp}, {@code sub}, {@code roles}. Plain JDK.
 */
public final class Jwt {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String KEY_ID = "bench";

    private final RSAPrivateCrtKey key;

    private Jwt(RSAPrivateCrtKey key) {
        this.key = key;
    }

    public static Jwt generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Jwt((RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** The JWK set with the private key, for {@code KEEL_JWT_KEYS}. */
    public String jwkSet() {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\""
                + field("n", key.getModulus()) + field("e", key.getPublicExponent())
                + field("d", key.getPrivateExponent()) + field("p", key.getPrimeP()) + field("q", key.getPrimeQ())
                + field("dp", key.getPrimeExponentP()) + field("dq", key.getPrimeExponentQ())
                + field("qi", key.getCrtCoefficient()) + "}]}";
    }

    public String token(String subject, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"keel\",\"aud\":\"keel\",\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 3 * 3600)
                + ",\"roles\":[" + roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")) + "]}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String field(String name, BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return ",\"" + name + "\":\"" + b64(bytes) + "\"";
    }

    private static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }
}
