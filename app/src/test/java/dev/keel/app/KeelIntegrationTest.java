package dev.keel.app;

import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every integration test: one application context for the whole test JVM, on the shared
 * embedded PostgreSQL and Elasticsearch. Tests use fresh ids and SKUs, never a clean database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"keel.embedded.ephemeral=true",
                "axon.eventhandling.processors.transaction-probe.mode=pooled",
                "axon.eventhandling.processors.transaction-probe.initial-segment-count=1",
                "axon.eventhandling.processors.dead-letter-probe.mode=pooled",
                "axon.eventhandling.processors.dead-letter-probe.initial-segment-count=1",
                "axon.eventhandling.processors.dead-letter-probe.dlq.enabled=true"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(TestSupport.class)
public abstract class KeelIntegrationTest {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected CatalogFixtures catalog;
}
