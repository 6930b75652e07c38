package dev.keel.app.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** By the event store in use: under Axon Server there is no stored row to hash. */
    @Bean
    EventHashFormChoice eventHashForm(@Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        EventHashForm form = axonServer ? EventHashForm.MESSAGE : EventHashForm.STORED_ROW;
        return () -> form;
    }
}
