package dev.keel.projection.account;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mails are side effects a rolled-back batch cannot take back: with the default batches of 200, one
 * failing send (a flaky SMTP server) made every retry send the batch's earlier mails again, each with
 * a new link. One event per batch retries the failing mail alone.
 */
@Configuration(proxyBeanMethods = false)
class AccountMailConfiguration {

    @Bean
    ConfigurerModule accountMailOneEventPerBatch() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                AccountMail.GROUP, (config, builder) -> builder.batchSize(1));
    }
}
