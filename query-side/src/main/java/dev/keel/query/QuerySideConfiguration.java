package dev.keel.query;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Entry point of the query side; the app imports it on nodes with the {@code query} role. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class QuerySideConfiguration {
}
