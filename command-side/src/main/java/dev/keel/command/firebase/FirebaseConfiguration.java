package dev.keel.command.firebase;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.AccessToken;
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
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The Firebase Admin SDK for one project. An {@link HttpTransport} bean, when there is one, carries
 * the SDK's requests (tests point it at a local stand-in for Google's certificate endpoint).
 */
@Configuration(proxyBeanMethods = false)
class FirebaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FirebaseConfiguration.class);

    @Bean
    FirebaseIdTokens firebaseIdTokens(FirebaseProperties properties, ObjectProvider<HttpTransport> transport) {
        if (!StringUtils.hasText(properties.projectId())) {
            log.info("No KEEL_FIREBASE_PROJECT_ID: sign-in with Firebase is off");
            return FirebaseIdTokens.NOT_CONFIGURED;
        }
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setProjectId(properties.projectId())
                .setCredentials(credentials(properties.credentials()));
        transport.ifAvailable(options::setHttpTransport);
        return new FirebaseAdminIdTokens(FirebaseApp.initializeApp(options.build(), "keel-" + UUID.randomUUID()));
    }

    /** Verifying ID tokens needs no credentials; a placeholder keeps the SDK from looking for some. */
    private static GoogleCredentials credentials(String path) {
        if (!StringUtils.hasText(path)) {
            Date farFuture = Date.from(Instant.now().plusSeconds(3_153_600_000L));
            return GoogleCredentials.create(new AccessToken("unused", farFuture));
        }
        try (InputStream in = new FileInputStream(path)) {
            return GoogleCredentials.fromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Firebase credentials from " + path, e);
        }
    }
}
