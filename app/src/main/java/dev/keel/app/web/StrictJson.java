package dev.keel.app.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: a number is not a string, a string is not a number, a key
 * appears once, and the bytes are UTF-8 JSON. The switches Boot exposes are in application.yml
 * ({@code spring.jackson.*}); this is what it does not. Only the HTTP mapper is concerned: Axon's
 * event serializer builds its own.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** {@code "sku": 42} and {@code "name": true} are refused, not stored as {@code "42"} and {@code "true"}. */
    @Bean
    JsonMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * On the server only (a codec customizer would reach the WebClients too, which must read
     * problem+json), and after Boot's own codec configuration, whose JSON decoder it replaces.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebFluxConfigurer strictJsonDecoder(JsonMapper mapper) {
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer codecs) {
                codecs.defaultCodecs().jacksonJsonDecoder(new StrictJsonDecoder(mapper));
            }
        };
    }
}
