package dev.keel.projection.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One version of a searched index and the alias readers search. A changed mapping is a new version,
 * created beside the one readers use and filled by its own processor from the first event; the alias
 * moves over, in one atomic step, once that processor has caught up. Until then readers keep the
 * complete old version. A fresh install has no old version, so the alias points at the new one at once.
 *
 * @param name       the versioned index
 * @param definition its settings and mappings, a class path resource
 * @param caughtUp   whether the processor that fills it has reached the head of the event store
 */
record IndexVersion(ElasticsearchClient client, String alias, String name, String definition, BooleanSupplier caughtUp) {

    private static final Logger log = LoggerFactory.getLogger(IndexVersion.class);

    /** Creates the index if missing; gives it the alias if no index has it. */
    void prepare() {
        try {
            if (!client.indices().exists(exists -> exists.index(name)).value()) {
                create(aliasTargets().isEmpty());
            } else if (aliasTargets().isEmpty()) {
                client.indices().putAlias(put -> put.index(name).name(alias));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Elasticsearch to prepare index " + name, e);
        }
    }

    /** Empties the index for a replay; it keeps the alias if it had it. */
    void recreate() {
        try {
            boolean serving = serving() || aliasTargets().isEmpty();
            client.indices().delete(delete -> delete.index(name).ignoreUnavailable(true));
            create(serving);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot recreate index " + name, e);
        }
    }

    boolean serving() {
        try {
            return aliasTargets().equals(Set.of(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read alias " + alias, e);
        }
    }

    /**
     * Moves the alias here from older versions if this one is complete.
     *
     * @return whether the alias points here (now or before)
     */
    boolean moveAliasIfCaughtUp() {
        try {
            Set<String> targets = aliasTargets();
            if (targets.equals(Set.of(name))) {
                return true;
            }
            if (!caughtUp.getAsBoolean()) {
                return false;
            }
            client.indices().updateAliases(update -> {
                targets.forEach(old -> update.actions(action -> action.remove(remove -> remove.index(old).alias(alias))));
                return update.actions(action -> action.add(add -> add.index(name).alias(alias)));
            });
            log.info("Alias {} moved from {} to {}, which has caught up; the old index can be deleted", alias, targets, name);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move alias " + alias + " to " + name, e);
        }
    }

    private Set<String> aliasTargets() throws IOException {
        if (!client.indices().existsAlias(exists -> exists.name(alias)).value()) {
            return Set.of();
        }
        return client.indices().getAlias(get -> get.name(alias)).aliases().keySet();
    }

    private void create(boolean withAlias) throws IOException {
        try (InputStream json = new ClassPathResource(definition).getInputStream()) {
            client.indices().create(create -> {
                create.index(name).withJson(json);
                return withAlias ? create.aliases(alias, none -> none) : create;
            });
        }
        log.info("Created Elasticsearch index {}{}", name, withAlias ? " with alias " + alias : "");
    }
}
