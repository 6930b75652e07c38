package dev.keel.app.privacy;

import dev.keel.api.metadata.MetadataKeys;
import dev.keel.api.privacy.PersonalData;
import dev.keel.api.privacy.SealedMetadata;
import org.axonframework.messaging.MetaData;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client IP and device id of a request identify a person as much as an email does, and every
 * event carries them. They are sealed with the key of {@link MetadataKeys#PERSONAL_DATA_OF} when the
 * event is stored, so erasing that person erases where they acted from too, without rewriting an
 * event (the audit chain hashes the stored bytes). Without a person to key them on they are not
 * stored at all: nothing personal stays that erasure could not reach.
 */
final class NetworkMetadata implements SealedMetadata {

    static final List<String> PERSONAL = List.of(MetadataKeys.CLIENT_IP, MetadataKeys.DEVICE_ID);

    private final Supplier<PersonalDataKeys> keys;

    NetworkMetadata(Supplier<PersonalDataKeys> keys) {
        this.keys = keys;
    }

    MetaData seal(MetaData metadata) {
        if (PERSONAL.stream().noneMatch(metadata::containsKey)) {
            return metadata;
        }
        Map<String, Object> sealed = new HashMap<>(metadata);
        if (!(metadata.get(MetadataKeys.PERSONAL_DATA_OF) instanceof String subject)) {
            PERSONAL.forEach(sealed::remove);
            return MetaData.from(sealed);
        }
        Optional<SecretKey> key = Optional.empty();
        for (String name : PERSONAL) {
            if (metadata.get(name) instanceof String value && !Sealed.is(value) && !PersonalData.ERASED.equals(value)) {
                if (key.isEmpty()) {
                    key = keys.get().keyFor(subject);
                }
                sealed.put(name, key.map(k -> Sealed.seal(k, value.getBytes(StandardCharsets.UTF_8), place(subject, name)))
                        .orElse(PersonalData.ERASED));
            }
        }
        return MetaData.from(sealed);
    }

    MetaData open(MetaData metadata) {
        if (PERSONAL.stream().noneMatch(name -> metadata.get(name) instanceof String value && Sealed.is(value))) {
            return metadata;
        }
        Map<String, Object> opened = new HashMap<>(metadata);
        String subject = (String) metadata.get(MetadataKeys.PERSONAL_DATA_OF);
        for (String name : PERSONAL) {
            if (metadata.get(name) instanceof String value) {
                opened.put(name, reveal(subject, name, value));
            }
        }
        return MetaData.from(opened);
    }

    @Override
    public String reveal(String personalDataOf, String key, String stored) {
        if (!Sealed.is(stored)) {
            return stored;
        }
        if (personalDataOf == null) {
            return PersonalData.ERASED;
        }
        return keys.get().find(personalDataOf)
                .map(k -> new String(Sealed.open(k, stored, place(personalDataOf, key)), StandardCharsets.UTF_8))
                .orElse(PersonalData.ERASED);
    }

    private static String place(String subject, String name) {
        return subject + "/metadata/" + name;
    }
}
