package dev.keel.projection.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Index operations of one event batch, sent as one {@code _bulk} request before the batch's token
 * commits. Operations on one document keep their order (one shard, executed in request order). A
 * failed item fails the batch, so the processor retries it rather than skip a change.
 */
@Component
public class BulkIndexer {

    private static final String RESOURCE = BulkIndexer.class.getName();

    private final ElasticsearchClient client;

    BulkIndexer(ElasticsearchClient client) {
        this.client = client;
    }

    public void add(BulkOperation operation) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(List.of(operation));
            return;
        }
        PerBatch.<List<BulkOperation>>buffer(RESOURCE, ArrayList::new, this::send).add(operation);
    }

    private void send(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        try {
            BulkResponse response = client.bulk(BulkRequest.of(bulk -> bulk.operations(operations)));
            if (response.errors()) {
                throw new IllegalStateException("Elasticsearch refused part of a bulk request: " + response.items().stream()
                        .filter(item -> item.error() != null)
                        .limit(3)
                        .map(BulkIndexer::describe)
                        .collect(Collectors.joining("; ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch bulk request failed", e);
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.operationType() + " " + item.index() + "/" + item.id() + ": " + item.error().type() + " "
                + item.error().reason();
    }
}
