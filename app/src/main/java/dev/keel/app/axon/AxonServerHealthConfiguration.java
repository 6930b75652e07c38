package dev.keel.app.axon;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports the connection to Axon Server, only where the profile {@code axonserver} switches it on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerHealthConfiguration {

    @Bean("axonServer")
    AxonServerHealth axonServerHealth(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
        String context = configuration.getContext();
        return new AxonServerHealth(() -> connections.isConnected(context), context);
    }
}
