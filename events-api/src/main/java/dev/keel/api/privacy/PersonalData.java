package dev.keel.api.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that holds personal data. The event store keeps it encrypted with the data
 * key of the event's {@link DataSubject}; once that key is erased, the field reads back as
 * {@link #ERASED} (text fields) or {@code null} (anything else), while the rest of the event stays.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What an erased text field reads as. */
    String ERASED = "[erased]";
}
