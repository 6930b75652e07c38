package dev.keel.app.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string Keel reads from JSON must be storable and hashable as it came: no NUL (PostgreSQL's
 * text types refuse it, so an event holding one would stop its projection for good) and no unpaired
 * UTF-16 surrogate (it has no UTF-8 form; password hashing fails on it). Such input is a 400 naming
 * the field, before anything runs.
 */
@Configuration(proxyBeanMethods = false)
class StorableText {

    @Bean
    JacksonModule storableTextOnly() {
        return new SimpleModule("keel-storable-text").addDeserializer(String.class, new Deserializer());
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            String problem = text == null ? null : problemWith(text);
            if (problem != null) {
                throw DatabindException.from(parser, problem, new IllegalArgumentException(problem));
            }
            return text;
        }
    }

    /** @return what is wrong with {@code text}, or {@code null} */
    static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "it contains a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "it contains an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }
}
