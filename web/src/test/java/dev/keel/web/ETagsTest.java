package dev.keel.web;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {

    @Test
    void readsStrongWeakAndBareVersions() {
        assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(ETags.expectedVersion("W/\"3\"")).isEqualTo(3L);
        assertThat(ETags.expectedVersion("3")).isEqualTo(3L);
    }

    @Test
    void noHeaderOrAStarMeansNoCheck() {
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThat(ETags.expectedVersion(" ")).isNull();
        assertThat(ETags.expectedVersion("*")).isNull();
    }

    @Test
    void anythingElseIsABadRequest() {
        assertThatThrownBy(() -> ETags.expectedVersion("\"latest\""))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
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
