package dev.keel.app.roles;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a Keel node does ({@code keel.roles}); one process may play every role. Not a user's role:
 * that is {@code dev.keel.api.account.Role}.
 */
public enum NodeRole {
    COMMAND, PROJECTIONS, QUERY;

    static final String PROPERTY = "keel.roles";
    static final String ALL = "command,projections,query";

    /**
     * @throws IllegalArgumentException naming the unknown role and the known ones
     */
    static Set<NodeRole> parse(String roles) {
        Set<NodeRole> parsed = EnumSet.noneOf(NodeRole.class);
        for (String name : roles.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                parsed.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown role '" + name.trim() + "' in " + PROPERTY
                        + "; known roles: " + Arrays.stream(values()).map(NodeRole::toString)
                                .collect(Collectors.joining(", ")));
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " is empty; give at least one of " + ALL);
        }
        return parsed;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
