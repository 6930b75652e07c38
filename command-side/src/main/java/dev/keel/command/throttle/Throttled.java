package dev.keel.command.throttle;

import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.time.Instant;

/** 429 problem+json with {@code Retry-After} in whole seconds (at least one). */
public final class Throttled {

    private Throttled() {
    }

    public static ErrorResponseException retryAfter(Duration wait, String detail) {
        return Problems.retryLater(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", wait, detail);
    }

    /** 429 {@code too-many-requests}: the caller's rate of requests, not of failures, is over its limit. */
    public static ErrorResponseException tooManyRequests(Duration wait, String detail) {
        return Problems.retryLater(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", wait, detail);
    }

    public static ErrorResponseException until(Instant until, String detail) {
        return retryAfter(Duration.between(Instant.now(), until), detail);
    }
}
