package dev.keel.command.request;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

    @Test
    void readsStrongWeakAndBareVersions() {
        assertThat(IfMatch.version("\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.version("W/\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.version("3")).isEqualTo(3L);
    }

    @Test
    void noHeaderOrAStarMeansNoCheck() {
        assertThat(IfMatch.version(null)).isNull();
        assertThat(IfMatch.version(" ")).isNull();
        assertThat(IfMatch.version("*")).isNull();
    }

    @Test
    void anythingElseIsABadRequest() {
        assertThatThrownBy(() -> IfMatch.version("\"latest\""))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }

    @Test
    void writesVersionsAsStrongEntityTags() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
    }
}
