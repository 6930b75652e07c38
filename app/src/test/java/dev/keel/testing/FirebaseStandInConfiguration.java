package dev.keel.testing;

import com.google.api.client.http.HttpTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Points the Firebase Admin SDK of the shared test context at the local stand-in. */
@Configuration(proxyBeanMethods = false)
class FirebaseStandInConfiguration {

    @Bean(destroyMethod = "close")
    FirebaseStandIn firebaseStandIn() {
        return new FirebaseStandIn();
    }

    @Bean
    HttpTransport firebaseHttpTransport(FirebaseStandIn standIn) {
        return standIn.transport();
    }
}
