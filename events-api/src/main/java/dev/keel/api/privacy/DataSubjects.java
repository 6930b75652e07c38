package dev.keel.api.privacy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose an event is: the value of its {@link DataSubject} component. One home for the question, so
 * the serializer that seals personal data, the audit trail and erasure agree on the answer.
 */
public final class DataSubjects {

    private static final Map<Class<?>, Optional<RecordComponent>> SUBJECTS = new ConcurrentHashMap<>();

    private DataSubjects() {
    }

    /**
     * @return the JSON name of the type's {@link DataSubject} component (events are records serialized
     *         under their component names), or empty when it names nobody
     * @throws IllegalStateException if the type marks two components
     */
    public static Optional<String> fieldOf(Class<?> eventType) {
        return component(eventType).map(RecordComponent::getName);
    }

    /** @return the data subject of the event as text (an account id), or empty when it has none */
    public static Optional<String> of(Object event) {
        if (event == null) {
            return Optional.empty();
        }
        return component(event.getClass()).map(component -> {
            try {
                Object value = component.getAccessor().invoke(event);
                return value == null ? null : value.toString();
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        });
    }

    /** @return whether the type has {@link PersonalData} components, which the event store keeps sealed */
    public static boolean holdsPersonalData(Class<?> eventType) {
        return eventType.isRecord() && Arrays.stream(eventType.getRecordComponents())
                .anyMatch(component -> component.isAnnotationPresent(PersonalData.class));
    }

    private static Optional<RecordComponent> component(Class<?> type) {
        return SUBJECTS.computeIfAbsent(type, DataSubjects::inspect);
    }

    private static Optional<RecordComponent> inspect(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        var marked = Arrays.stream(type.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(DataSubject.class))
                .toList();
        if (marked.size() > 1) {
            throw new IllegalStateException(type.getName() + " has two @DataSubject fields");
        }
        return marked.stream().findFirst();
    }
}
