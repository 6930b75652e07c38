package dev.keel.command.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LockoutPolicyConfiguration {

    /** Injected into the aggregate's login handler. */
    @Bean
    LockoutPolicy lockoutPolicy(IdentityProperties properties) {
        return LockoutPolicy.from(properties);
    }
}
