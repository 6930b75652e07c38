package dev.keel.app.axonserver;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every test of an integration test class with the seams of the {@code axonserver} profile
 * switched on ({@link AxonServerSeams}): put on a subclass of a default-profile test, it makes the same
 * tests (problem types, personal data, mails) pass under both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(OnAxonServerSeams.Emulation.class)
public @interface OnAxonServerSeams {

    final class Emulation implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            link(context).emulate();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            link(context).stopEmulating();
        }

        private static AxonServerLink link(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(AxonServerLink.class);
        }
    }
}
