package dev.keel.app.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WellFormedUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "61", "c3a9", "e282ac", "f09f9880", "efbbbf", "7f", "c280", "dfbf", "e0a080",
            "ed9fbf", "ee8080", "f0908080", "f48fbfbf"})
    void acceptsWellFormedSequences(String hex) {
        assertThat(WellFormedUtf8.check(HexFormat.of().parseHex(hex))).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "61c0af62, 1, an overlong encoding",
            "c1bf, 0, an overlong encoding",
            "e080af, 0, an overlong encoding",
            "f08080af, 0, an overlong encoding",
            "6180, 1, a continuation byte without a lead byte",
            "eda080, 0, an encoded UTF-16 surrogate",
            "edbfbf, 0, an encoded UTF-16 surrogate",
            "f4908080, 0, a code point beyond U+10FFFF",
            "f5808080, 0, a byte that never occurs in UTF-8",
            "ff, 0, a byte that never occurs in UTF-8",
            "61c3, 1, a truncated sequence",
            "e282, 0, a truncated sequence",
            "e28222, 0, a truncated sequence",
            "c361, 0, a truncated sequence"})
    void findsTheFirstIllFormedSequence(String hex, int offset, String reason) {
        assertThat(WellFormedUtf8.check(HexFormat.of().parseHex(hex)))
                .isEqualTo(new WellFormedUtf8.Malformed(offset, reason));
    }
}
