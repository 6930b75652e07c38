package dev.keel.projection.erasure;

import java.util.Set;

/**
 * A read model that keeps personal data. Each one handles {@code AccountErased} itself (in its own
 * processing group, so in order with the events that wrote the data) and removes or masks what it
 * holds of that person; a replay after the erasure writes masked values anyway, because the events
 * then decrypt to {@code [erased]}. {@code PersonalReadModelsIntegrationTest} finds every table
 * column and index field that looks personal and fails unless some read model names it here.
 */
public interface PersonalReadModel {

    /** The tables (PostgreSQL) and indices (Elasticsearch) in which it keeps personal data. */
    Set<String> personalStores();
}
