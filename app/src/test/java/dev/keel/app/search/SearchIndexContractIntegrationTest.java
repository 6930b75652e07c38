package dev.keel.app.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded node lacks several modules production clusters have (analysis-common, painless, …):
 * every index definition Keel ships must be accepted by it, so a mapping never works in production
 * only.
 */
class SearchIndexContractIntegrationTest extends KeelIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    @Test
    void theEmbeddedNodeAcceptsEveryIndexDefinition() throws IOException {
        Resource[] definitions = new PathMatchingResourcePatternResolver().getResources("classpath*:elasticsearch/*.json");
        assertThat(definitions).isNotEmpty();
        for (Resource definition : definitions) {
            String index = "contract-" + UUID.randomUUID();
            try (InputStream json = definition.getInputStream()) {
                assertThat(client.indices().create(create -> create.index(index).withJson(json)).acknowledged())
                        .as(definition.getFilename()).isTrue();
            } finally {
                client.indices().delete(delete -> delete.index(index).ignoreUnavailable(true));
            }
        }
    }
}
