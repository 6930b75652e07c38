package dev.keel.projection.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Documents changed by read, merge and conditional write, for indexes whose documents several
 * segments change at once (a product's own events and the orders of it). Elasticsearch here has no
 * scripts, so a guarded update cannot run on the node: per event batch, every touched document is
 * read once ({@code _mget}), the batch's changes are applied to it in order, and it is written back
 * in one {@code _bulk} only if nobody wrote it since ({@code if_seq_no}; a missing one with
 * {@code create}). A document someone else wrote meanwhile is read again and the changes applied
 * again, so changes must keep whatever is newer (guarded by versions) and be safe to apply twice.
 */
@Component
public class MergedDocuments {

    /**
     * An index whose documents are merged.
     *
     * @param absent what a document is before its first change
     */
    public record Kind<T>(String index, Class<T> type, Function<String, T> absent) {
    }

    private static final int ATTEMPTS = 20;

    private final ElasticsearchClient client;

    MergedDocuments(ElasticsearchClient client) {
        this.client = client;
    }

    public <T> void merge(Kind<T> kind, String id, UnaryOperator<T> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(kind, Map.of(id, List.of(change)));
            return;
        }
        PerBatch.<Map<String, List<UnaryOperator<T>>>>buffer(MergedDocuments.class.getName() + "/" + kind.index(),
                        LinkedHashMap::new, changes -> write(kind, changes))
                .computeIfAbsent(id, unused -> new ArrayList<>()).add(change);
    }

    private <T> void write(Kind<T> kind, Map<String, List<UnaryOperator<T>>> changes) {
        Map<String, List<UnaryOperator<T>>> left = changes;
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException("Documents of " + kind.index() + " kept changing under this batch: "
                        + left.keySet());
            }
            left = attempt(kind, left);
        }
    }

    /** @return the changes of the documents somebody else wrote meanwhile */
    private <T> Map<String, List<UnaryOperator<T>>> attempt(Kind<T> kind, Map<String, List<UnaryOperator<T>>> changes) {
        try {
            MgetResponse<T> stored = client.mget(get -> get.index(kind.index()).ids(List.copyOf(changes.keySet())),
                    kind.type());
            List<BulkOperation> writes = new ArrayList<>();
            for (MultiGetResponseItem<T> item : stored.docs()) {
                if (item.isFailure()) {
                    throw new IllegalStateException("Cannot read " + kind.index() + "/" + item.failure().id() + ": "
                            + item.failure().error().reason());
                }
                GetResult<T> found = item.result();
                T before = found.found() ? found.source() : kind.absent().apply(found.id());
                T after = before;
                for (UnaryOperator<T> change : changes.get(found.id())) {
                    after = change.apply(after);
                }
                if (found.found() && Objects.equals(before, after)) {
                    continue;
                }
                T document = after;
                writes.add(found.found()
                        ? BulkOperation.of(op -> op.index(index -> index.index(kind.index()).id(found.id())
                                .ifSeqNo(found.seqNo()).ifPrimaryTerm(found.primaryTerm()).document(document)))
                        : BulkOperation.of(op -> op.create(create -> create.index(kind.index()).id(found.id())
                                .document(document))));
            }
            return writes.isEmpty() ? Map.of() : conflicted(changes, client.bulk(bulk -> bulk.operations(writes)));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch request on " + kind.index() + " failed", e);
        }
    }

    private static <T> Map<String, List<UnaryOperator<T>>> conflicted(Map<String, List<UnaryOperator<T>>> changes,
                                                                        BulkResponse response) {
        Map<String, List<UnaryOperator<T>>> again = new LinkedHashMap<>();
        List<BulkResponseItem> failed = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                continue;
            }
            if (item.status() == 409) {
                again.put(item.id(), changes.get(item.id()));
            } else {
                failed.add(item);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Elasticsearch refused part of a bulk request: " + failed.stream().limit(3)
                    .map(item -> item.index() + "/" + item.id() + ": " + item.error().type() + " " + item.error().reason())
                    .collect(Collectors.joining("; ")));
        }
        return again;
    }
}
