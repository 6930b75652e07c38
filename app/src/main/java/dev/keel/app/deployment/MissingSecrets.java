package dev.keel.app.deployment;

/** A deployment started without the keys it must be given: what is missing, and how to give it. */
class MissingSecrets extends IllegalStateException {

    private final String description;
    private final String action;

    MissingSecrets(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    String description() {
        return description;
    }

    String action() {
        return action;
    }
}
