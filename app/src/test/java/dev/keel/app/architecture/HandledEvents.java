package dev.keel.app.architecture;

import org.axonframework.messaging.Message;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.lang.annotation.Annotation;

/** An event handler's first parameter is the event; events are the contract and carry a revision. */
final class HandledEvents {

    private HandledEvents() {
    }

    static ArchCondition<JavaMethod> haveARevision(Class<? extends Annotation> revision) {
        return new ArchCondition<>("take an event annotated with @" + revision.getSimpleName()) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getRawParameterTypes().isEmpty()) {
                    return;
                }
                var event = method.getRawParameterTypes().getFirst();
                // a handler of every event as a message (the audit trail) reads no payload's fields
                boolean ok = event.isAnnotatedWith(revision) || event.isAssignableTo(Message.class);
                events.add(new SimpleConditionEvent(method, ok,
                        method.getFullName() + " handles " + event.getName()
                                + (ok ? " with a revision" : " which has no @" + revision.getSimpleName())));
            }
        };
    }
}
