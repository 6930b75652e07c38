package dev.keel.command.rejection;

import java.util.Map;

/**
 * A command broke a rule. {@code type} is the stable problem type slug clients switch on; the
 * message says what was wrong in terms of the current state.
 */
public class CommandRejected extends RuntimeException {

    /** What kind of refusal this is; decides the HTTP status. */
    public enum Kind {
        /** The command itself is invalid whatever the state (400). */
        INVALID,
        /** What the command refers to does not exist (404). */
        NOT_FOUND,
        /** The caller may not do this until something about them changes (403). */
        FORBIDDEN,
        /** The current state does not allow it (409). */
        CONFLICT,
        /** Understood, but cannot be processed as sent (422). */
        UNPROCESSABLE,
        /** What the command refers to existed and is gone for good (410). */
        GONE
    }

    private final Kind kind;
    private final String type;
    private final Map<String, Object> properties;

    public CommandRejected(Kind kind, String type, String message) {
        this(kind, type, message, Map.of());
    }

    public CommandRejected(Kind kind, String type, String message, Map<String, Object> properties) {
        super(message, null, false, false);
        this.kind = kind;
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
