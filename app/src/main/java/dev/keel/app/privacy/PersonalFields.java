package dev.keel.app.privacy;

import dev.keel.api.privacy.DataSubject;
import dev.keel.api.privacy.PersonalData;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a stored type keeps personal data: the JSON names of its {@link PersonalData} fields and of
 * its {@link DataSubject}. Events are records serialized under their component names; an aggregate
 * kept as a snapshot is serialized under its field names.
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
        List<AnnotatedElement> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(component);
                names.add(component.getName());
                types.add(component.getType());
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    members.add(field);
                    names.add(field.getName());
                    types.add(field.getType());
                }
            }
        }
        String subject = null;
        List<String> fields = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).isAnnotationPresent(DataSubject.class)) {
                if (subject != null) {
                    throw new IllegalStateException(type.getName() + " has two @DataSubject fields");
                }
                subject = names.get(i);
            }
            if (members.get(i).isAnnotationPresent(PersonalData.class)) {
                fields.add(names.get(i));
                if (types.get(i) == String.class) {
                    text.add(names.get(i));
                }
            }
        }
        if (fields.isEmpty()) {
            return NONE;
        }
        if (subject == null) {
            throw new IllegalStateException(type.getName() + " has @PersonalData fields but no @DataSubject,"
                    + " so there is no key to encrypt them with");
        }
        return new PersonalFields(subject, List.copyOf(fields), List.copyOf(text));
    }
}
