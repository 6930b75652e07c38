package dev.keel.projection.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.keel.api.catalog.ProductSearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Creates the versioned product index from {@code elasticsearch/products-v1.json} and points the
 * readers' alias at it. A mapping change gets a new version, built by a replay, then the alias moves.
 */
@Component
class ProductSearchIndexes implements InitializingBean {

    static final String CURRENT = "products-v1";
    private static final Logger log = LoggerFactory.getLogger(ProductSearchIndexes.class);

    private final ElasticsearchClient client;

    ProductSearchIndexes(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            if (!client.indices().exists(exists -> exists.index(CURRENT)).value()) {
                create();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Elasticsearch to create index " + CURRENT, e);
        }
    }

    void recreate() {
        try {
            client.indices().delete(delete -> delete.index(CURRENT).ignoreUnavailable(true));
            create();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot recreate index " + CURRENT, e);
        }
    }

    private void create() throws IOException {
        try (InputStream definition = new ClassPathResource("elasticsearch/" + CURRENT + ".json").getInputStream()) {
            client.indices().create(create -> create.index(CURRENT).withJson(definition)
                    .aliases(ProductSearchIndex.ALIAS, alias -> alias));
        }
        log.info("Created Elasticsearch index {} with alias {}", CURRENT, ProductSearchIndex.ALIAS);
    }
}
