package dev.keel.projection.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.keel.api.analytics.OrderAnalyticsIndex;
import dev.keel.projection.batch.Processing;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The physical indexes behind the two aliases of {@link OrderAnalyticsIndex}. Readers search
 * {@code ALIAS}, the projection writes through {@code WRITE_ALIAS}; normally both name one index. A
 * rebuild (the processor's reset) creates a new, empty index and moves only the write alias to it, so
 * searches keep the complete old index while the replay fills the new one; once the processor has
 * caught up, the read alias moves over in one atomic step and the old index is deleted. A restart in
 * the middle of a rebuild finds the aliases apart and resumes waiting.
 */
@Component
class OrderAnalyticsIndexes implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OrderAnalyticsIndexes.class);
    private static final String DEFINITION = "elasticsearch/order-analytics-v1.json";

    private final ElasticsearchClient client;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ScheduledExecutorService promoter = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "order-analytics-alias");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> waiting;

    OrderAnalyticsIndexes(ElasticsearchClient client, ObjectProvider<EventProcessingConfiguration> processing) {
        this.client = client;
        this.processing = processing;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        Set<String> writing = targets(OrderAnalyticsIndex.WRITE_ALIAS);
        if (writing.isEmpty()) {
            create(newName(), true);
            return;
        }
        if (targets(OrderAnalyticsIndex.ALIAS).isEmpty()) {
            String index = writing.iterator().next();
            client.indices().putAlias(put -> put.index(index).name(OrderAnalyticsIndex.ALIAS));
        } else if (!targets(OrderAnalyticsIndex.ALIAS).equals(writing)) {
            awaitCatchUp();
        }
    }

    @Override
    public void destroy() {
        promoter.shutdownNow();
    }

    /** Starts a rebuild: a new empty index takes the writes; readers stay on the old one. */
    void rebuild() {
        try {
            Set<String> old = targets(OrderAnalyticsIndex.WRITE_ALIAS);
            String name = newName();
            create(name, false);
            client.indices().updateAliases(update -> {
                old.forEach(index -> update.actions(action -> action.remove(remove -> remove.index(index)
                        .alias(OrderAnalyticsIndex.WRITE_ALIAS))));
                return update.actions(action -> action.add(add -> add.index(name).alias(OrderAnalyticsIndex.WRITE_ALIAS)));
            });
            log.info("Rebuilding the order analytics into {}; searches use {} until it has caught up", name,
                    targets(OrderAnalyticsIndex.ALIAS));
            awaitCatchUp();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a rebuild of the order analytics index", e);
        }
    }

    /** Moves the read alias to the index being written, once it is complete; true when they agree. */
    boolean promoteIfCaughtUp() throws IOException {
        Set<String> writing = targets(OrderAnalyticsIndex.WRITE_ALIAS);
        Set<String> reading = targets(OrderAnalyticsIndex.ALIAS);
        if (reading.equals(writing)) {
            return true;
        }
        if (writing.size() != 1 || !Processing.caughtUp(processing.getObject(), OrderAnalyticsProjection.GROUP)) {
            return false;
        }
        String index = writing.iterator().next();
        // Searchable before searches move: otherwise the first ones after the switch see only what the
        // last periodic refresh made visible, possibly nothing (seen in CI under load)
        client.indices().refresh(refresh -> refresh.index(index));
        client.indices().updateAliases(update -> {
            reading.forEach(old -> update.actions(action -> action.remove(remove -> remove.index(old)
                    .alias(OrderAnalyticsIndex.ALIAS))));
            return update.actions(action -> action.add(add -> add.index(index).alias(OrderAnalyticsIndex.ALIAS)));
        });
        List<String> old = reading.stream().filter(name -> !name.equals(index)).toList();
        if (!old.isEmpty()) {
            client.indices().delete(delete -> delete.index(old).ignoreUnavailable(true));
        }
        log.info("Order analytics searches moved from {} to {}, which has caught up", reading, index);
        return true;
    }

    private synchronized void awaitCatchUp() {
        if (waiting != null && !waiting.isDone()) {
            return;
        }
        waiting = promoter.scheduleWithFixedDelay(this::tryPromote, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void tryPromote() {
        try {
            if (promoteIfCaughtUp()) {
                waiting.cancel(false);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not move the order analytics alias yet (will try again): {}", e.toString());
        }
    }

    private Set<String> targets(String alias) throws IOException {
        if (!client.indices().existsAlias(exists -> exists.name(alias)).value()) {
            return Set.of();
        }
        return client.indices().getAlias(get -> get.name(alias)).aliases().keySet();
    }

    private static String newName() {
        return OrderAnalyticsIndex.PREFIX + System.currentTimeMillis();
    }

    private void create(String name, boolean serving) throws IOException {
        try (InputStream json = new ClassPathResource(DEFINITION).getInputStream()) {
            client.indices().create(create -> {
                create.index(name).withJson(json);
                return serving ? create.aliases(OrderAnalyticsIndex.ALIAS, none -> none)
                        .aliases(OrderAnalyticsIndex.WRITE_ALIAS, none -> none) : create;
            });
        }
        log.info("Created Elasticsearch index {}{}", name, serving ? " for searches and writes" : ", to be filled by a rebuild");
    }
}
