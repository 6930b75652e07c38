package dev.keel.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problems. A type is the relative URI {@code /problems/<slug>}; the slug is the stable,
 * documented identity of an error that clients switch on, so every module builds it here.
 */
public final class Problems {

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        return problem;
    }

    /** The problem as an exception a controller or service throws (or returns in a {@code Mono.error}). */
    public static ErrorResponseException error(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status, problem(status, slug, detail), null);
    }

    /**
     * A 400 that names what the client got wrong in {@code errors[].field}, as every input error does.
     *
     * @param field a JSON path ({@code price.currency}) or a header name ({@code If-Match})
     */
    public static ErrorResponseException invalid(String type, String field, String detail) {
        ErrorResponseException error = error(HttpStatus.BAD_REQUEST, type, detail);
        error.getBody().setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return error;
    }

    /**
     * A refusal the caller may send again unchanged after a wait: 429 when it is the caller's own rate,
     * 503 when the server is too busy. {@code Retry-After} (and {@code retryAfterSeconds} in the body)
     * is in whole seconds, at least one.
     */
    public static ErrorResponseException retryLater(HttpStatus status, String slug, Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ErrorResponseException error = error(status, slug, detail + "; try again in " + seconds + " s");
        error.getHeaders().set("Retry-After", Long.toString(seconds));
        error.getBody().setProperty("retryAfterSeconds", seconds);
        return error;
    }

    /** 503 {@code overloaded}: nothing was done, and the same request may be sent again after the wait. */
    public static ErrorResponseException overloaded(Duration wait, String detail) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", wait, detail);
    }

    public static ErrorResponseException notFound(String detail) {
        return error(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    /** The type of a problem that came without one (Spring's own errors): named after its status. */
    public static URI typeForStatus(int status) {
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
        return type(slug);
    }
}
