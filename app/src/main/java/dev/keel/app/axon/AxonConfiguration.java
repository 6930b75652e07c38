package dev.keel.app.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Fixes the two Axon-on-Boot-4 pitfalls (DESIGN.md) and sets event processor defaults. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorProperties.class)
class AxonConfiguration {

    /**
     * Axon's own transaction auto-configuration looks for a Boot 3 class and silently falls back to
     * no transactions; declaring the bean makes appends, tokens and projection writes atomic.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Jackson 3's default validator rejects the {@code Object} context inside {@code ReplayToken},
     * which stops a processor on reset. Allow Axon's and Keel's own types only.
     */
    @Bean
    Jackson3SerializerCustomizer polymorphicTypesOfAxonAndKeel() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("dev.keel.")
                .build());
    }

    @Bean
    ProcessorEventSource processorEventSource(ProcessorProperties defaults) {
        return eventStore -> new ReconnectingEventSource(eventStore, defaults.retryCap());
    }

    /**
     * Pooled streaming processors with batches; a failing event handler fails its batch (Axon's
     * default only logs and moves on), so the batch rolls back with its token and is retried with
     * backoff instead of leaving a read model silently behind. Every processor reads the event store
     * through a {@link ReconnectingEventSource}, so an unreachable store does not grow Axon's backoff.
     */
    @Bean
    ConfigurerModule eventProcessorDefaults(ProcessorProperties defaults, ProcessorFailures failures,
                                            ProcessorEventSource source) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> defaults.applyTo(builder)
                        .messageSource(source.around(config.eventStore())))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((config, processor) -> failures.watch(processor));
    }
}
