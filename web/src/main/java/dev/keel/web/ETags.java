package dev.keel.web;

import org.springframework.web.ErrorResponseException;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An aggregate's version as an entity tag: {@code ETag: "3"} on what the query side reads and on what
 * a command answers, {@code If-Match: "3"} on the next change. One format, so a client can pass any
 * ETag it got back as If-Match.
 *
 * <p>RFC 9110 compares If-Match strongly, so only what can match one of Keel's ETags is taken: {@code *}
 * or exactly one strong tag holding a version as Keel writes it. A weak tag never matches; a list would
 * ask to apply one change to any of several versions, which no client needs; an empty header asks for
 * nothing. Each of these, and anything unquoted or not a version, is a 400 rather than a guess.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";

    /** A version as {@link #of(long)} writes it: no sign, no leading zero, at most 19 digits. */
    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,18})\"");

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version in an {@code If-Match} header, or {@code null} when there is none or it is {@code *}
     * @throws ErrorResponseException 400 {@code invalid-field} naming If-Match when it is anything else
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null; // RFC 9110: any current version; a change applies to the current one anyway
        }
        // a list, whose empty elements RFC 9110 says to ignore
        List<String> tags = Arrays.stream(value.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        if (tags.isEmpty()) {
            throw invalid("If-Match is empty: send the ETag you were given, like \"3\", or leave the header out");
        }
        if (tags.size() > 1) {
            throw invalid("If-Match must hold one entity tag (or *): a change applies to one version");
        }
        String tag = tags.getFirst();
        if (tag.startsWith("W/")) {
            throw invalid("If-Match is compared strongly, so a weak entity tag never matches: send the ETag as"
                    + " given, like \"3\"");
        }
        if (STRONG_VERSION_TAG.matcher(tag).matches()) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException beyondLong) {
                // falls through: no version is that large
            }
        }
        throw invalid("If-Match must be a version entity tag as sent in ETag, like \"3\"");
    }

    private static ErrorResponseException invalid(String detail) {
        return Problems.invalid("invalid-field", IF_MATCH, detail);
    }

    /**
     * Whether an {@code If-None-Match} header names this version (or is {@code *}), so a read may answer
     * 304 Not Modified. Weak and strong tags compare alike (RFC 9110: If-None-Match uses weak comparison).
     */
    public static boolean noneMatchHits(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || trimmed.equals(of(version)) || trimmed.equals("W/" + of(version))) {
                return true;
            }
        }
        return false;
    }
}
