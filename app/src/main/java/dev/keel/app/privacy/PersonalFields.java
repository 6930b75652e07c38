package dev.keel.app.privacy;

import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.DataSubjects;
import dev.keel.api.privacy.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an event type keeps personal data: the JSON names of its {@link PersonalData} fields and of
 * its {@link DataSubject}. Events are records serialized under their component names.
 */
record PersonalFields(String subject, List<String> fields, List<String> textFields) {

    static final PersonalFields NONE = new PersonalFields(null, List.of(), List.of());
    private static final Map<Class<?>, PersonalFields> KNOWN = new ConcurrentHashMap<>();

    static PersonalFields of(Class<?> type) {
        return KNOWN.computeIfAbsent(type, PersonalFields::inspect);
    }

    boolean none() {
        return fields.isEmpty();
    }

    boolean isText(String field) {
        return textFields.contains(field);
    }

    private static PersonalFields inspect(Class<?> type) {
        if (!DataSubjects.holdsPersonalData(type)) {
            return NONE;
        }
        String subject = DataSubjects.fieldOf(type).orElseThrow(() -> new IllegalStateException(type.getName()
                + " has @PersonalData fields but no @DataSubject, so there is no key to encrypt them with"));
        List<String> fields = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                fields.add(component.getName());
                if (component.getType() == String.class) {
                    text.add(component.getName());
                }
            }
        }
        return new PersonalFields(subject, List.copyOf(fields), List.copyOf(text));
    }
}
