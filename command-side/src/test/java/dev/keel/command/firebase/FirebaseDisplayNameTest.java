package dev.keel.command.firebase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Firebase name becomes a display name that the account table can always store. */
class FirebaseDisplayNameTest {

    @Test
    void keepsAReasonableName() {
        assertThat(FirebaseSignIn.displayName("  Ada Lovelace ", "ada@example.test")).isEqualTo("Ada Lovelace");
    }

    @Test
    void cutsALongNameToAHundredCharactersWithoutSplittingOne() {
        String longName = "😀".repeat(150);
        String kept = FirebaseSignIn.displayName(longName, "x@example.test");
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(100);
        assertThat(kept).isEqualTo("😀".repeat(100));
    }

    @Test
    void dropsWhatCannotBeStored() {
        assertThat(FirebaseSignIn.displayName("a\u0000b", "x@example.test")).isEqualTo("ab");
        assertThat(FirebaseSignIn.displayName("bad \ud800 name", "grace@example.test")).isEqualTo("grace");
        assertThat(FirebaseSignIn.displayName(null, "grace@example.test")).isEqualTo("grace");
        assertThat(FirebaseSignIn.displayName(" ", "grace@example.test")).isEqualTo("grace");
    }
}
