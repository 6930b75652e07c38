package dev.keel.api.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field naming whose personal data an event carries (an account id). Every event with a
 * {@link PersonalData} field has exactly one; its value selects the data key. Events about a person
 * that carry no personal field have one too: the audit trail files them under that person, and the
 * request's network metadata (client IP, device) of an anonymous request is sealed with their key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubject {
}
