package dev.keel.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Every Hikari pool of the app gets the time limits before it opens its first connection. */
    @Bean
    static BeanPostProcessor databaseTimeLimits(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    Binder.get(environment).bindOrCreate("keel.database", DatabaseTimeouts.class).applyTo(pool);
                }
                return bean;
            }
        };
    }
}
