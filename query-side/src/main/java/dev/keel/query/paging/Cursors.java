package dev.keel.query.paging;

import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Page cursors: the sort values of the last item of a page, bound to the listing they came from.
 * Opaque to clients (base64url) and checked on the way back in: a cursor that was changed, cut or
 * made for another listing (other filters, sort, customer or status) is a 400 {@code invalid-cursor}
 * problem, never a query error. The check is a digest, not a signature: a cursor holds nothing but
 * sort values of a listing the caller may read anyway, and every query still applies the caller's
 * scope, so a forged one can only start a page at another place of that same listing.
 *
 * <p>Values are strings, longs or doubles. The format: {@code <payload>.<check>}, payload
 * {@code 1 \n scope-digest \n typed values}, each value {@code s:} and base64url text, {@code l:} or {@code d:} and a number.
 */
public final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "1";
    private static final int CHECK_BYTES = 9;
    /** Longer ones are refused before any decoding. */
    public static final int MAX_LENGTH = 2_000;

    private Cursors() {
    }

    /**
     * @param scope what the listing is (filters, sort, whose): a cursor only works for the same scope
     */
    public static String encode(String scope, List<?> values) {
        List<String> lines = new ArrayList<>(List.of(VERSION, digest(scope)));
        for (Object value : values) {
            lines.add(switch (value) {
                case String text -> "s:" + ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
                case Long number -> "l:" + number;
                case Integer number -> "l:" + number;
                case Double number -> "d:" + Double.toString(number);
                case Float number -> "d:" + Double.toString(number);
                default -> throw new IllegalArgumentException("A cursor holds strings and numbers, not " + value);
            });
        }
        byte[] payload = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(check(payload));
    }

    /**
     * @param expected how many values the listing's cursors hold
     * @return the values, each a String, Long or Double
     * @throws ErrorResponseException 400 {@code invalid-cursor}
     */
    public static List<Object> decode(String cursor, String scope, int expected) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw invalid("it is too long");
            }
            String[] parts = cursor.split("\\.", -1);
            if (parts.length != 2) {
                throw invalid("it is not one of ours");
            }
            byte[] payload = DECODER.decode(parts[0]);
            if (!MessageDigest.isEqual(check(payload), DECODER.decode(parts[1]))) {
                throw invalid("it was changed");
            }
            String[] lines = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (lines.length != expected + 2 || !lines[0].equals(VERSION)) {
                throw invalid("it is of another kind");
            }
            if (!lines[1].equals(digest(scope))) {
                throw invalid("it belongs to another listing (other filters, sort or owner)");
            }
            return Arrays.stream(lines, 2, lines.length).map(Cursors::value).toList();
        } catch (IllegalArgumentException e) {
            throw invalid("it is not one of ours");
        }
    }

    private static Object value(String line) {
        String text = line.length() < 2 ? "" : line.substring(2);
        return switch (line.length() < 2 ? "" : line.substring(0, 2)) {
            case "s:" -> new String(DECODER.decode(text), StandardCharsets.UTF_8);
            case "l:" -> Long.parseLong(text);
            case "d:" -> Double.parseDouble(text);
            default -> throw new IllegalArgumentException("unknown value " + line);
        };
    }

    private static ErrorResponseException invalid(String why) {
        return Problems.error(HttpStatus.BAD_REQUEST, "invalid-cursor",
                "The cursor cannot be used: " + why + ". Pass nextCursor exactly as it came, with the same parameters");
    }

    private static String digest(String scope) {
        return ENCODER.encodeToString(Arrays.copyOf(sha256(scope.getBytes(StandardCharsets.UTF_8)), CHECK_BYTES));
    }

    private static byte[] check(byte[] payload) {
        return Arrays.copyOf(sha256(payload), CHECK_BYTES);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
