package dev.keel.app.web;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Locale;

/**
 * Problem types are relative URIs {@code /problems/<slug>}; the slug is the stable, documented
 * identity of an error that clients switch on.
 */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create("/problems/" + slug);
    }

    static URI forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String slug = switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> known == null ? "http-" + status : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
        return uri(slug);
    }
}
