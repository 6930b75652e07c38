package dev.keel.projection.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.keel.api.catalog.ProductSearchIndex;
import dev.keel.projection.batch.Processing;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The product index readers search ({@link ProductSearchIndex#ALIAS}) in its current version. After
 * an upgrade to a new mapping, the alias stays on the old version until the new one's processor has
 * caught up on every segment, checked every few seconds on this node ({@link IndexVersion}).
 */
@Component
class ProductSearchIndexes implements InitializingBean, DisposableBean {

    static final String CURRENT = "products-v2";
    private static final Logger log = LoggerFactory.getLogger(ProductSearchIndexes.class);

    private final IndexVersion current;
    private final ScheduledExecutorService aliasMover = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "product-index-alias");
        thread.setDaemon(true);
        return thread;
    });

    ProductSearchIndexes(ElasticsearchClient client, ObjectProvider<EventProcessingConfiguration> processing) {
        this.current = new IndexVersion(client, ProductSearchIndex.ALIAS, CURRENT, "elasticsearch/" + CURRENT + ".json",
                () -> Processing.caughtUp(processing.getObject(), ProductSearchProjection.GROUP));
    }

    @Override
    public void afterPropertiesSet() {
        current.prepare();
        if (!current.serving()) {
            log.info("Index {} is being built from the events; searches use the previous version until it has caught up",
                    CURRENT);
            aliasMover.scheduleWithFixedDelay(this::moveAlias, 2, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public void destroy() {
        aliasMover.shutdownNow();
    }

    void recreate() {
        current.recreate();
    }

    private void moveAlias() {
        try {
            if (current.moveAliasIfCaughtUp()) {
                aliasMover.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("Could not move the product alias yet (will try again): {}", e.toString());
        }
    }
}
