package dev.keel.testing;

import com.google.api.client.http.HttpTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Points the Firebase Admin SDK of the shared test context at the local stand-in. */
@Configuration(proxyBeanMethods = false)
class FirebaseStandInConfiguration {

    /** The JVM's one stand-in: the service-account file it wrote is in the context's properties already. */
    @Bean(destroyMethod = "")
    FirebaseStandIn firebaseStandIn() {
        return FirebaseStandIn.shared();
    }

    @Bean
    HttpTransport firebaseHttpTransport(FirebaseStandIn standIn) {
        return standIn.transport();
    }
}
