package dev.keel.projection.receipt;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One event per batch for the receipt mail: a failing send retries alone, never the batch's earlier mails. */
@Configuration(proxyBeanMethods = false)
class ReceiptMailConfiguration {

    @Bean
    ConfigurerModule receiptMailOneEventPerBatch() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ReceiptMail.GROUP, (config, builder) -> builder.batchSize(1));
    }
}
