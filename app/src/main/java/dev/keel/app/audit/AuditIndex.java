package dev.keel.app.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail's search index ({@value #ALIAS}): one document per record, id = chain position,
 * written in chain order by {@link AuditSearchIndexer} and refreshed only after each batch, so the
 * documents a search sees are always a prefix of the chain (from the retention checkpoint on) and
 * the highest position seen tells where PostgreSQL must take over (docs/audit.md, "Search").
 */
@Component
class AuditIndex {

    static final String ALIAS = "audit";
    static final String CURRENT = "audit-v1";
    static final int PRUNE_BATCH = 1_000;

    private final ElasticsearchClient client;

    AuditIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index, with its alias, if missing. */
    void prepare() throws IOException {
        if (client.indices().exists(exists -> exists.index(CURRENT)).value()) {
            return;
        }
        try (InputStream json = new ClassPathResource("elasticsearch/" + CURRENT + ".json").getInputStream()) {
            client.indices().create(create -> create.index(CURRENT).withJson(json).aliases(ALIAS, none -> none));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e; // else another node created it meanwhile
            }
        }
    }

    /** The highest chain position searches see; 0 for an empty index. */
    long indexedUpTo() throws IOException {
        return head(client.search(search -> search.index(ALIAS).size(0).trackTotalHits(total -> total.enabled(false))
                .aggregations("head", head -> head.max(max -> max.field("chainPosition"))), Void.class)
                .aggregations().get("head").max().value());
    }

    /** Writes the records (a continuation of the chain, in order) and makes them visible together. */
    void write(List<AuditRecord> records) throws IOException {
        List<BulkOperation> writes = records.stream().map(AuditDocument::of)
                .map(document -> BulkOperation.of(op -> op.index(index -> index
                        .id(Long.toString(document.chainPosition())).document(document))))
                .toList();
        // through the alias, which must exist: an index deleted meanwhile is not re-created by the write without its mapping
        refused(client.bulk(bulk -> bulk.index(ALIAS).requireAlias(true).operations(writes)));
        client.indices().refresh(refresh -> refresh.index(ALIAS));
    }

    /**
     * Deletes every document at or before {@code position}, as retention did to their records. With
     * no delete-by-query on every node (docs/audit.md), in batches of ids found by search.
     *
     * @return how many were deleted
     */
    long pruneThrough(long position) throws IOException {
        long deleted = 0;
        while (true) {
            List<String> ids = client.search(search -> search.index(ALIAS).size(PRUNE_BATCH).source(source -> source.fetch(false))
                            .trackTotalHits(total -> total.enabled(false))
                            .query(query -> query.range(range -> range.untyped(untyped -> untyped.field("chainPosition")
                                    .lte(JsonData.of(position))))), Void.class)
                    .hits().hits().stream().map(Hit::id).toList();
            if (ids.isEmpty()) {
                return deleted;
            }
            refused(client.bulk(bulk -> bulk.index(ALIAS).requireAlias(true).operations(ids.stream()
                    .map(id -> BulkOperation.of(op -> op.delete(delete -> delete.id(id)))).toList())));
            client.indices().refresh(refresh -> refresh.index(ALIAS));
            deleted += ids.size();
        }
    }

    /**
     * The positions of the first {@code size} matching records after {@code afterPosition}, in chain
     * order, and in the same search (the same snapshot of the index) how far the index reaches.
     */
    Found search(AuditFilter filter, long afterPosition, int size) throws IOException {
        SearchResponse<Void> response = client.search(search -> search.index(ALIAS).size(size)
                .source(source -> source.fetch(false)).trackTotalHits(total -> total.enabled(false))
                .query(query(filter, afterPosition))
                .sort(sort -> sort.field(field -> field.field("chainPosition").order(SortOrder.Asc)))
                .aggregations("indexed", indexed -> indexed.global(all -> all)
                        .aggregations("head", head -> head.max(max -> max.field("chainPosition")))), Void.class);
        List<Long> positions = new ArrayList<>();
        response.hits().hits().forEach(hit -> positions.add(Long.parseLong(hit.id())));
        return new Found(positions, head(response.aggregations().get("indexed").global().aggregations().get("head")
                .max().value()));
    }

    private static Query query(AuditFilter filter, long afterPosition) {
        List<Query> conditions = new ArrayList<>();
        conditions.add(Query.of(q -> q.range(range -> range.untyped(untyped -> untyped.field("chainPosition")
                .gt(JsonData.of(afterPosition))))));
        term(conditions, "actor", filter.actor());
        term(conditions, "aggregateId", filter.aggregateId());
        term(conditions, "eventType", filter.eventType());
        if (filter.from() != null || filter.to() != null) {
            conditions.add(Query.of(q -> q.range(range -> range.untyped(untyped -> {
                untyped.field("occurredAt");
                if (filter.from() != null) {
                    untyped.gte(JsonData.of(filter.from().toString()));
                }
                if (filter.to() != null) {
                    untyped.lt(JsonData.of(filter.to().toString()));
                }
                return untyped;
            }))));
        }
        return Query.of(q -> q.bool(bool -> bool.filter(conditions)));
    }

    private static void term(List<Query> conditions, String field, String value) {
        if (value != null) {
            conditions.add(Query.of(q -> q.term(term -> term.field(field).value(value))));
        }
    }

    private static long head(Double max) {
        return max == null || !Double.isFinite(max) ? 0 : max.longValue();
    }

    private static void refused(BulkResponse response) {
        if (response.errors()) {
            throw new IllegalStateException("Elasticsearch refused part of a bulk request on " + CURRENT + ": "
                    + response.items().stream().filter(item -> item.error() != null).limit(3)
                    .map(item -> item.id() + ": " + item.error().reason()).toList());
        }
    }

    /**
     * @param positions   the matching chain positions, ascending
     * @param indexedUpTo every record up to here (after the retention checkpoint) is in the index
     */
    record Found(List<Long> positions, long indexedUpTo) {
    }
}
