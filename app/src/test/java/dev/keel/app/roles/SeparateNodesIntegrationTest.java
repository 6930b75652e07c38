package dev.keel.app.roles;

import com.nimbusds.jose.jwk.JWKSet;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.privacy.MasterKey;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.NodeInAnotherJvm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

/**
 * The same jar as two nodes: a command-only node in a second JVM takes the write, this JVM (running
 * the projections and the query side) serves the read, both on the same PostgreSQL.
 */
class SeparateNodesIntegrationTest extends KeelIntegrationTest {

    @Autowired
    Environment environment;
    @Autowired
    JWKSet signingKeys;
    @Autowired
    MasterKey masterKey;

    @Test
    void aCommandNodeAndAQueryNodeInTwoJvmsWorkTogether() {
        try (NodeInAnotherJvm commandNode = NodeInAnotherJvm.start("command", environment, signingKeys, masterKey)) {
            WebTestClient commandNodeClient = WebTestClient.bindToServer().baseUrl(commandNode.baseUrl()).build();

            String productId = commandNodeClient.post().uri("/v1/products")
                    .headers(h -> h.setBearerAuth(tokens.staff()))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .bodyValue(CatalogFixtures.productRequest(CatalogFixtures.uniqueSku(), "Two-node", 700, "EUR"))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody()
                    .get("productId").toString();

            commandNodeClient.get().uri("/v1/products/{id}", productId)
                    .exchange()
                    .expectStatus().isNotFound();
            catalog.awaitProductVersion(productId, 0);
        }
    }
}
