package dev.keel.app.security;

import dev.keel.app.privacy.MasterKey;

/**
 * {@code ./keel keys}: prints new values for {@code KEEL_JWT_KEYS} and {@code KEEL_MASTER_KEY}, as lines
 * that a shell or a compose {@code .env} file reads. Made once per deployment and kept in its secret
 * store; every node gets the same values.
 */
public final class NewKeys {

    private NewKeys() {
    }

    public static void main(String[] args) {
        System.out.print(lines());
    }

    static String lines() {
        // JSON holds no single quote, so it needs no escaping inside one
        return "KEEL_JWT_KEYS='" + SigningKeys.newDeploymentKey().toString(false) + "'\n"
                + "KEEL_MASTER_KEY=" + MasterKey.generate().toBase64() + "\n";
    }
}
