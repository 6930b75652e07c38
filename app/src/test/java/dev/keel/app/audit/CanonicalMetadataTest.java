package dev.keel.app.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalMetadataTest {

    @Test
    void theOrderOfKeysDoesNotMatter() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("actor", "user:1");
        one.put("roles", List.of("STAFF"));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("roles", List.of("STAFF"));
        other.put("actor", "user:1");

        assertThat(CanonicalMetadata.digest(one)).isEqualTo(CanonicalMetadata.digest(other));
    }

    @Test
    void wholeNumbersHashAlikeWhateverTheirJavaTypeAsAxonServerKeepsThemAsLong() {
        assertThat(CanonicalMetadata.digest(Map.of("attempt", 3))).isEqualTo(CanonicalMetadata.digest(Map.of("attempt", 3L)));
    }

    @Test
    void aValueOfAnotherTypeOrMovedBetweenKeysHashesOtherwise() {
        byte[] text = CanonicalMetadata.digest(Map.of("attempt", "3"));
        assertThat(CanonicalMetadata.digest(Map.of("attempt", 3L))).isNotEqualTo(text);
        assertThat(CanonicalMetadata.digest(Map.of("attempt", true))).isNotEqualTo(CanonicalMetadata.digest(Map.of("attempt", 1L)));
        assertThat(CanonicalMetadata.digest(Map.of("ab", "c"))).isNotEqualTo(CanonicalMetadata.digest(Map.of("a", "bc")));
        assertThat(CanonicalMetadata.digest(Map.of("roles", List.of("A", "B"))))
                .isNotEqualTo(CanonicalMetadata.digest(Map.of("roles", List.of("B", "A"))));
    }

    @Test
    void aValueWithNoCanonicalFormIsRefusedNotGuessed() {
        assertThatThrownBy(() -> CanonicalMetadata.digest(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}
