package dev.keel.app;

import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.FcmStandIn;
import dev.keel.testing.FirebaseStandIn;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.IntegrationTestClasses;
import dev.keel.testing.TestMail;
import dev.keel.testing.TestTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every integration test: one application context for the whole test JVM, on the shared
 * embedded PostgreSQL and Elasticsearch. Tests use fresh ids and SKUs, never a clean database.
 */
@SpringBootTest(classes = KeelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"keel.embedded.ephemeral=true",
                "axon.eventhandling.processors.transaction-probe.mode=pooled",
                "axon.eventhandling.processors.transaction-probe.initial-segment-count=1",
                "axon.eventhandling.processors.dead-letter-probe.mode=pooled",
                "axon.eventhandling.processors.dead-letter-probe.initial-segment-count=1",
                "axon.eventhandling.processors.dead-letter-probe.dlq.enabled=true",
                "axon.eventhandling.processors.replay-probe.mode=pooled",
                "axon.eventhandling.processors.replay-probe.initial-segment-count=1",
                "axon.eventhandling.processors.replay-probe.batch-size=1",
                "keel.live.heartbeat=1s",
                "keel.mail.host=127.0.0.1",
                "keel.mail.port=${" + TestMail.PORT_PROPERTY + "}",
                "keel.firebase.project-id=" + FirebaseStandIn.PROJECT_ID,
                "keel.firebase.credentials=${" + FirebaseStandIn.CREDENTIALS_PROPERTY + "}",
                "keel.push.fcm-url=${" + FcmStandIn.URL_PROPERTY + "}",
                "keel.identity.admin.email=" + KeelIntegrationTest.ADMIN_EMAIL,
                "keel.identity.admin.password=" + KeelIntegrationTest.ADMIN_PASSWORD,
                // the tests' own sign-ups all come from 127.0.0.1
                "keel.signup-throttle.attempts=1000", "keel.signup-throttle.window=24h"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(TestSupport.class)
@ExtendWith(IntegrationTestClasses.class)
public abstract class KeelIntegrationTest {

    protected static final String ADMIN_EMAIL = "admin@keel.test";
    protected static final String ADMIN_PASSWORD = "admin password for tests 1";

    static {
        TestMail.start();
        FirebaseStandIn.shared();
        FcmStandIn.shared();
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected CatalogFixtures catalog;

    @Autowired
    protected IdentityFixtures identity;
}
