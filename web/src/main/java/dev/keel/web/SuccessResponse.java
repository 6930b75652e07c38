package dev.keel.web;

import org.springframework.http.HttpStatus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an endpoint answers when it succeeds, for the OpenAPI document: the status a
 * {@code ResponseEntity} sets (springdoc cannot see it and would say 200) and the headers that come
 * with it. An endpoint that answers 200 with no header needs none. The integration tests fail on a
 * status or one of these headers that an endpoint answers and its document does not list.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessResponse {

    HttpStatus status() default HttpStatus.OK;

    /**
     * Response headers by name ({@code HttpHeaders.ETAG}, {@code HttpHeaders.LOCATION}); the app
     * describes each (and refuses to describe a name it does not know).
     */
    String[] headers() default {};

    /** What the answer means; the status's reason phrase when empty. */
    String description() default "";
}
