package dev.keel.app.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;

/**
 * Checks a request target before anything reads it: valid URI syntax (what Spring would otherwise
 * answer with an empty 400), ASCII only, and percent-escapes that decode to well-formed UTF-8, so
 * {@code ?q=%C0%AF} is refused rather than decoded leniently.
 */
final class RequestTarget {

    private RequestTarget() {
    }

    /** @return what is wrong with the request target, or {@code null} */
    static String problemWith(String target) {
        String pathAndQuery = pathAndQuery(target);
        for (int i = 0; i < pathAndQuery.length(); i++) {
            if (pathAndQuery.charAt(i) > 0x7E) {
                return "The request target must be ASCII: percent-encode other characters as UTF-8";
            }
        }
        try {
            new URI("http://localhost" + pathAndQuery);
        } catch (URISyntaxException e) {
            return "The request target is not a valid URI: " + e.getReason() + " at index " + e.getIndex();
        }
        WellFormedUtf8.Malformed malformed = WellFormedUtf8.check(percentDecoded(pathAndQuery));
        return malformed == null ? null
                : "The request target's percent-escapes are not UTF-8: " + malformed.reason();
    }

    /** As Spring builds the request URI: an absolute-form target loses its scheme and authority. */
    private static String pathAndQuery(String target) {
        int scheme = target.indexOf("://");
        if (!target.startsWith("/") && scheme > 0) {
            int path = indexOfAny(target, scheme + 3);
            return path < 0 ? "/" : target.charAt(path) == '/' ? target.substring(path) : "/" + target.substring(path);
        }
        return target.startsWith("/") ? target : "/" + target;
    }

    private static int indexOfAny(String target, int from) {
        for (int i = from; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return -1;
    }

    /** Valid URI syntax guarantees every {@code %} starts two hex digits. */
    private static byte[] percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
