package dev.keel.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint method as open to callers without a token. Every other endpoint needs a bearer
 * token. The app builds both the security rules and the OpenAPI document from these marks, so a
 * module declares its public routes next to their code and the two never disagree.
 *
 * <p>A public {@code GET} skips the security filter chain altogether (it is cheaper, and there is
 * nothing to check); a public command ignores any {@code Authorization} header, because apps attach
 * their (often expired) access token to every call, signing up and refreshing included.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {
}
