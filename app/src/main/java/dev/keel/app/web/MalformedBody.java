package dev.keel.app.web;

/**
 * A request body that is not well-formed UTF-8.
 *
 * @param field  the JSON field whose value holds the bad bytes ({@code price.currency}), or {@code null}
 *               when they are elsewhere (a field name, between tokens)
 * @param offset the byte offset of the first bad byte
 * @param reason what is wrong there
 */
record MalformedBody(String field, int offset, String reason) {

    String detail() {
        return (field == null ? "The body" : "Field '" + field + "'") + " is not valid UTF-8: " + reason
                + " at byte " + offset;
    }

    /** Carries a {@link MalformedBody} through the codec's error handling to {@link ProblemMapper}. */
    static final class Exception extends RuntimeException {

        private final MalformedBody body;

        Exception(MalformedBody body) {
            super(body.detail(), null, false, false);
            this.body = body;
        }

        MalformedBody body() {
            return body;
        }
    }
}
