package dev.keel.command.password;

import dev.keel.command.account.IdentityProperties;
import dev.keel.web.Problems;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: long enough, not absurdly long (hashing cost), and not one of the
 * passwords attackers try first (Openwall's public-domain list), nor the email or display name.
 */
@Component
public class PasswordPolicy {

    private final int minLength;
    private final int maxLength;
    private final Set<String> common;

    PasswordPolicy(IdentityProperties properties) {
        this.minLength = properties.password().minLength();
        this.maxLength = properties.password().maxLength();
        this.common = load();
    }

    /**
     * @param field    the request field the password came in, named in the problem
     * @param personal values the password must not equal (email, display name)
     * @throws ErrorResponseException 400 {@code weak-password} naming the field and what is wrong
     */
    public void check(String field, String password, String... personal) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw weak(field, "A password needs at least " + minLength + " characters; this one has " + length);
        }
        if (length > maxLength) {
            throw weak(field, "A password may have at most " + maxLength + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw weak(field, "This password is on a list of common passwords that attackers try first");
        }
        for (String value : personal) {
            if (value != null && lower.equals(value.trim().toLowerCase(Locale.ROOT))) {
                throw weak(field, "A password must not be your email address or your name");
            }
        }
    }

    private static ErrorResponseException weak(String field, String message) {
        ErrorResponseException error = Problems.error(HttpStatus.BAD_REQUEST, "weak-password", message);
        error.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return error;
    }

    private static Set<String> load() {
        try (var in = new ClassPathResource("identity/common-passwords.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#!comment:") && !line.isBlank())
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common-password list", e);
        }
    }
}
