package dev.keel.app.web;

/**
 * UTF-8 as RFC 3629 defines it, and nothing a lenient decoder would also take: no overlong forms
 * ({@code C0 AF} for {@code /}), no encoded UTF-16 surrogates, nothing beyond U+10FFFF, no stray
 * continuation bytes, no truncated sequences.
 */
final class WellFormedUtf8 {

    private WellFormedUtf8() {
    }

    /** Where a byte sequence stops being UTF-8, and why. */
    record Malformed(int offset, String reason) {
    }

    /** @return the first ill-formed sequence in {@code bytes}, or {@code null} if there is none */
    static Malformed check(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            String problem = problemAt(bytes, i, lead);
            if (problem != null) {
                return new Malformed(i, problem);
            }
            i += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        }
        return null;
    }

    /** Checks one multi-byte sequence against the well-formed ranges of Unicode's table 3-7. */
    private static String problemAt(byte[] bytes, int at, int lead) {
        if (lead < 0xC0) {
            return "a continuation byte without a lead byte";
        }
        if (lead < 0xC2) {
            return "an overlong encoding";
        }
        if (lead > 0xF4) {
            return "a byte that never occurs in UTF-8";
        }
        int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (at + length > bytes.length) {
            return "a truncated sequence";
        }
        int second = bytes[at + 1] & 0xFF;
        int low = 0x80;
        int high = 0xBF;
        switch (lead) {
            case 0xE0 -> low = 0xA0;
            case 0xED -> high = 0x9F;
            case 0xF0 -> low = 0x90;
            case 0xF4 -> high = 0x8F;
            default -> {
            }
        }
        if (second < 0x80 || second > 0xBF) {
            return "a truncated sequence";
        }
        if (second < low) {
            return "an overlong encoding";
        }
        if (second > high) {
            return lead == 0xED ? "an encoded UTF-16 surrogate" : "a code point beyond U+10FFFF";
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[at + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return "a truncated sequence";
            }
        }
        return null;
    }
}
