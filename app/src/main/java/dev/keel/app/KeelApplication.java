package dev.keel.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one deployable. {@code keel.roles} decides which modules this process runs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KeelApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(KeelApplication.class, args);
    }
}
