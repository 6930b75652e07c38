package dev.keel.projection.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Elasticsearch writes of one event batch, sent in one {@code _bulk} just before the batch commits, in
 * the order the handlers made them (one shard applies a bulk's items in order), for indexes that one
 * processor segment writes alone. A {@code create} of a document that exists counts as done: it is
 * an event seen again, whose document may have moved on since.
 */
@Component
public class BulkDocuments {

    private final ElasticsearchClient client;

    BulkDocuments(ElasticsearchClient client) {
        this.client = client;
    }

    public void add(BulkOperation operation) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(List.of(operation));
            return;
        }
        PerBatch.<List<BulkOperation>>buffer(BulkDocuments.class.getName(), ArrayList::new, this::send).add(operation);
    }

    private void send(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        try {
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            List<BulkResponseItem> failed = response.items().stream()
                    .filter(item -> item.error() != null)
                    .filter(item -> !(item.operationType() == OperationType.Create && item.status() == 409))
                    .toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("Elasticsearch refused part of a bulk request: " + failed.stream().limit(3)
                        .map(item -> item.index() + "/" + item.id() + ": " + item.error().type() + " " + item.error().reason())
                        .collect(Collectors.joining("; ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch bulk request failed", e);
        }
    }
}
