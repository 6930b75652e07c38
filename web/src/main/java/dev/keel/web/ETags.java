package dev.keel.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An aggregate's version as an entity tag: {@code ETag: "3"} on what the query side reads and on what
 * a command answers, {@code If-Match: "3"} on the next change. One format, so a client can pass any
 * ETag it got back as If-Match.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @return the version in an {@code If-Match} header, or {@code null} when there is none or it is {@code *}
     * @throws ErrorResponseException 400 {@code invalid-if-match} when it is not a single version entity tag
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return null; // RFC 9110: any current version; a change applies to the current one anyway
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-if-match",
                    "If-Match must be one version as returned in ETag, like \"3\"; got " + ifMatch);
        }
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
