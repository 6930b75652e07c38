package dev.keel.command.firebase;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param projectId   the Firebase project whose ID tokens are accepted; empty switches Firebase sign-in off
 * @param credentials path of a service-account JSON key file of the project, for the revocation check's user
 *                    lookup; empty: Google's application default credentials, and Keel does not start without any
 */
@ConfigurationProperties("keel.firebase")
record FirebaseProperties(@DefaultValue("") String projectId, @DefaultValue("") String credentials) {
}
