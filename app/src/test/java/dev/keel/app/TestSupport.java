package dev.keel.app;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** Test-only beans under dev.keel.testing (tokens, fixtures, probes). */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan("dev.keel.testing")
class TestSupport {
}
