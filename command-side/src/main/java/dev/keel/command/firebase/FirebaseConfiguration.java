package dev.keel.command.firebase;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The Firebase Admin SDK for one project. An {@link HttpTransport} bean, when there is one, carries
 * the SDK's requests (tests point it at a local stand-in for Google's endpoints).
 */
@Configuration(proxyBeanMethods = false)
class FirebaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FirebaseConfiguration.class);
    /** Each sign-in waits for Google's user lookup; a hung call must not hold a thread for long. */
    private static final int TIMEOUT_MILLIS = 10_000;

    @Bean
    FirebaseIdTokens firebaseIdTokens(FirebaseProperties properties, ObjectProvider<HttpTransport> transport) {
        if (!StringUtils.hasText(properties.projectId())) {
            log.info("No KEEL_FIREBASE_PROJECT_ID: sign-in with Firebase is off");
            return FirebaseIdTokens.NOT_CONFIGURED;
        }
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setProjectId(properties.projectId())
                .setCredentials(credentials(properties.credentials()))
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setReadTimeout(TIMEOUT_MILLIS);
        transport.ifAvailable(options::setHttpTransport);
        return new FirebaseAdminIdTokens(FirebaseApp.initializeApp(options.build(), "keel-" + UUID.randomUUID()));
    }

    /**
     * The revocation check looks the user up in Identity Toolkit, which needs a service account of the
     * project: the file {@code path}, else Google's application default credentials (the variable
     * {@code GOOGLE_APPLICATION_CREDENTIALS}, or the service account of a Google Cloud machine). None:
     * Keel does not start, rather than accept tokens of signed-out users or refuse every sign-in.
     */
    static GoogleCredentials credentials(String path) {
        if (!StringUtils.hasText(path)) {
            try {
                return GoogleCredentials.getApplicationDefault();
            } catch (IOException e) {
                throw new IllegalStateException("KEEL_FIREBASE_PROJECT_ID is set but no Firebase credentials were"
                        + " found: Firebase sign-in checks whether the user's tokens were revoked, which needs a"
                        + " service account of the project. Set KEEL_FIREBASE_CREDENTIALS to its JSON key file"
                        + " (or GOOGLE_APPLICATION_CREDENTIALS), or unset KEEL_FIREBASE_PROJECT_ID", e);
            }
        }
        try (InputStream in = new FileInputStream(path)) {
            return GoogleCredentials.fromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Firebase credentials from " + path, e);
        }
    }
}
