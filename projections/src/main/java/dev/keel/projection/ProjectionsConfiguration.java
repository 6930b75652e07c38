package dev.keel.projection;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Entry point of the projections; the app imports it on nodes with the {@code projections} role. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ProjectionsConfiguration {
}
