package dev.keel.web;

import org.springframework.http.HttpStatus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an endpoint answers because of what it does: a rule of its own ({@code 409
 * email-already-registered}), not one every endpoint of its kind shares. The OpenAPI document lists
 * it under its status with the shared ones, which the app derives from the method itself (a body, a
 * path variable, a token, {@code Idempotency-Key}, {@code If-Match}: see {@code docs/api-contract.md}).
 * The integration tests fail on any problem an endpoint answers that its document does not list.
 *
 * <p>On a controller class it applies to every endpoint of the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    HttpStatus status();

    /** The problem type's slug, as in {@link Problems#type(String)}: {@code email-already-registered}. */
    String type();

    /** When the endpoint answers it, in a few words a client developer can act on. */
    String description();

    /** Holds several {@link ProblemResponse}s; write them one after another instead. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        ProblemResponse[] value();
    }
}
