package dev.keel.app;

import dev.keel.app.axonserver.AxonServerSeams;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * Test-only beans under dev.keel.testing (tokens, fixtures, probes), and the Axon Server seams, off
 * until a test switches them on.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan("dev.keel.testing")
@Import(AxonServerSeams.class)
class TestSupport {
}
