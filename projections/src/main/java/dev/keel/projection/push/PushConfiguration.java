package dev.keel.projection.push;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import org.axonframework.config.ConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.UUID;

/**
 * The push sender: FCM through the Firebase Admin SDK when a service account is configured
 * ({@code KEEL_FIREBASE_CREDENTIALS}; its {@code token_uri} is where the SDK gets access tokens),
 * else one that logs, which start-up says. {@code KEEL_FCM_URL} points the SDK's FCM requests at
 * another server (a stand-in).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
class PushConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PushConfiguration.class);
    static final String FCM = "https://fcm.googleapis.com";
    private static final int TIMEOUT_MILLIS = 10_000;

    @Bean
    PushSender pushSender(PushProperties properties, @Value("${keel.firebase.credentials:}") String credentialsFile,
                          @Value("${keel.firebase.project-id:}") String projectId) {
        if (!StringUtils.hasText(credentialsFile)) {
            log.warn("No KEEL_FIREBASE_CREDENTIALS: push notifications are only logged, not sent");
            return new LogPushSender();
        }
        GoogleCredentials credentials = credentials(credentialsFile);
        String project = StringUtils.hasText(projectId) ? projectId
                : credentials instanceof ServiceAccountCredentials account ? account.getProjectId() : null;
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setCredentials(credentials)
                .setProjectId(project)
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setReadTimeout(TIMEOUT_MILLIS);
        String base = properties.fcmUrl().replaceAll("/+$", "");
        if (!base.equals(FCM)) {
            options.setHttpTransport(transportTo(base));
        }
        log.info("Push notifications go to FCM at {} for project {}", base, project);
        return new FcmPushSender(FirebaseApp.initializeApp(options.build(), "keel-push-" + UUID.randomUUID()));
    }

    /** Pushes are side effects: a batch of one event, so a failure retries that event's pushes alone. */
    @Bean
    ConfigurerModule pushOneEventPerBatch() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                OrderPushes.GROUP, (config, builder) -> builder.batchSize(1));
    }

    /** The SDK's own transport, with FCM's address replaced by {@code base}. */
    private static NetHttpTransport transportTo(String base) {
        return new NetHttpTransport.Builder()
                .setConnectionFactory(url -> {
                    String address = url.toString();
                    String target = address.startsWith(FCM) ? base + address.substring(FCM.length()) : address;
                    return (HttpURLConnection) URI.create(target).toURL().openConnection();
                })
                .build();
    }

    private static GoogleCredentials credentials(String path) {
        try (InputStream in = new FileInputStream(path)) {
            return GoogleCredentials.fromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Firebase credentials from " + path, e);
        }
    }
}
