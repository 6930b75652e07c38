package dev.keel.query.changes;

/**
 * Where reading the change logs starts for a position a client sent: after a change number, and,
 * for a position the logs do not know, only rows past that position.
 *
 * @param afterSeq      read rows numbered above this
 * @param afterPosition and only rows whose position is above this ({@link Long#MIN_VALUE}: any)
 */
public record Start(long afterSeq, long afterPosition) {

    public static final Start BEGINNING = new Start(0, Long.MIN_VALUE);
}
