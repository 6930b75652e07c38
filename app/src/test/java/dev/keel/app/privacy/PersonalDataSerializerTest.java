package dev.keel.app.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.ProfileChanged;
import dev.keel.api.privacy.PersonalData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSerializerTest {

    private final InMemoryKeys keys = new InMemoryKeys();
    private final PersonalDataSerializer serializer =
            new PersonalDataSerializer(Jackson3Serializer.builder().build(), () -> keys, new NetworkMetadata(() -> keys));

    @Test
    void personalFieldsAreStoredSealedAndReadBackInPlainText() {
        var event = new ProfileChanged(AccountId.random(), "Ada Lovelace");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(new String(stored.getData())).doesNotContain("Ada").contains(Sealed.PREFIX);
        assertThat((ProfileChanged) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void aFieldWhoseKeyWasErasedReadsAsErased() {
        var event = new ProfileChanged(AccountId.random(), "Ada Lovelace");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        keys.erase(event.accountId().toString());

        assertThat(((ProfileChanged) serializer.deserialize(stored)).displayName()).isEqualTo(PersonalData.ERASED);
    }

    /**
     * The subject has a key, but not the one a field was sealed under: a key erased before erasures
     * left tombstones, after which a later event made a new one (this happened in the test suite).
     * The field must read as erased; it threw, and a processor stopped at that event for good.
     */
    @Test
    void aFieldSealedUnderAnEarlierKeyReadsAsErased() {
        var before = new ProfileChanged(AccountId.random(), "Ada Lovelace");
        SerializedObject<byte[]> stored = serializer.serialize(before, byte[].class);
        keys.replace(before.accountId().toString());
        var after = new ProfileChanged(before.accountId(), "Someone new");
        SerializedObject<byte[]> storedAfter = serializer.serialize(after, byte[].class);

        assertThat(((ProfileChanged) serializer.deserialize(stored)).displayName()).isEqualTo(PersonalData.ERASED);
        assertThat((ProfileChanged) serializer.deserialize(storedAfter)).isEqualTo(after);
        assertThat(serializer.readable(stored)).isFalse();
    }

    /**
     * With Axon Server an event can be read before the key it was sealed under is visible. It must not
     * read as erased: the read fails, so a processor retries it instead of keeping "[erased]" for good.
     */
    @Test
    void aFieldWhoseKeyIsNeitherThereNorErasedFailsTheReadInsteadOfReadingAsErased() {
        var event = new ProfileChanged(AccountId.random(), "Ada Lovelace");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        keys.notVisibleYet(event.accountId().toString());

        assertThatThrownBy(() -> serializer.deserialize(stored)).isInstanceOf(PersonalDataKeyMissing.class);
        keys.visibleAgain();
        assertThat((ProfileChanged) serializer.deserialize(stored)).isEqualTo(event);
    }

    /** Behaves as {@link JdbcPersonalDataKeys}: erasure leaves a tombstone; no row at all is missing. */
    private static final class InMemoryKeys implements PersonalDataKeys {

        private final Map<String, SecretKey> keys = new HashMap<>();
        private final Set<String> erased = new HashSet<>();
        private final Map<String, SecretKey> hidden = new HashMap<>();

        @Override
        public Optional<SecretKey> keyFor(String subjectId) {
            return erased.contains(subjectId) ? Optional.empty()
                    : Optional.of(keys.computeIfAbsent(subjectId, unused -> newKey()));
        }

        void notVisibleYet(String subjectId) {
            hidden.put(subjectId, keys.remove(subjectId));
        }

        void visibleAgain() {
            keys.putAll(hidden);
            hidden.clear();
        }

        void replace(String subjectId) {
            keys.put(subjectId, newKey());
        }

        private static SecretKey newKey() {
            return new SecretKeySpec(Aes.randomKey(), "AES");
        }

        @Override
        public Optional<SecretKey> find(String subjectId) {
            if (erased.contains(subjectId)) {
                return Optional.empty();
            }
            if (!keys.containsKey(subjectId)) {
                throw new PersonalDataKeyMissing(subjectId);
            }
            return Optional.of(keys.get(subjectId));
        }

        @Override
        public void erase(String subjectId) {
            keys.remove(subjectId);
            erased.add(subjectId);
        }
    }
}
