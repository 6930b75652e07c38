package dev.keel.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {

    @Test
    void readsAStrongVersionTag() {
        assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(ETags.expectedVersion("\"0\"")).isEqualTo(0L);
        assertThat(ETags.expectedVersion(" \"12\" ")).isEqualTo(12L);
        assertThat(ETags.expectedVersion("\"" + Long.MAX_VALUE + "\"")).isEqualTo(Long.MAX_VALUE);
        assertThat(ETags.expectedVersion("\"5\",")).as("RFC 9110 lists ignore empty elements").isEqualTo(5L);
    }

    @Test
    void noHeaderOrAStarMeansNoCheck() {
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThat(ETags.expectedVersion("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "W/\"3\"", "w/\"3\"", "3", "\"-1\"", "\"+3\"", "\"03\"", "\" 3\"", "\"3",
            "\"latest\"", "\"3\", \"4\"", ",", "*, \"3\"", "\"9223372036854775808\"", "\"99999999999999999999\""})
    void anythingElseIsABadRequestNamingIfMatch(String ifMatch) {
        assertThatThrownBy(() -> ETags.expectedVersion(ifMatch))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getType().toString()).isEqualTo("/problems/invalid-field");
                    assertThat((List<?>) e.getBody().getProperties().get("errors"))
                            .first().extracting(error -> ((Map<?, ?>) error).get("field")).isEqualTo("If-Match");
                });
    }

    @Test
    void writesVersionsAsStrongEntityTags() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
    }

    @Test
    void whatItWritesItReadsBack() {
        assertThat(ETags.expectedVersion(ETags.of(42))).isEqualTo(42L);
    }

    @Test
    void ifNoneMatchHitsTheSameVersionStrongWeakInAListOrStar() {
        assertThat(ETags.noneMatchHits("\"4\"", 4)).isTrue();
        assertThat(ETags.noneMatchHits("W/\"4\"", 4)).isTrue();
        assertThat(ETags.noneMatchHits("\"2\", \"4\"", 4)).isTrue();
        assertThat(ETags.noneMatchHits("*", 4)).isTrue();
    }

    @Test
    void ifNoneMatchMissesAnotherVersionOrNoHeader() {
        assertThat(ETags.noneMatchHits("\"3\"", 4)).isFalse();
        assertThat(ETags.noneMatchHits("\"44\"", 4)).isFalse();
        assertThat(ETags.noneMatchHits(null, 4)).isFalse();
        assertThat(ETags.noneMatchHits("", 4)).isFalse();
    }
}
