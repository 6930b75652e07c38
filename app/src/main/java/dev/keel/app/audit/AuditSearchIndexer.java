package dev.keel.app.audit;

import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies the audit chain into its search index ({@link AuditIndex}), following {@code audit_record}
 * in chain order from wherever the index ends, and deletes from the index what retention deleted
 * from the chain. The chain is the source, not the events: the index is rebuilt by deleting it (the
 * next run recreates and refills it from the records), and the trail's own processor stays the one
 * writer of the chain and never waits on Elasticsearch. Several nodes may run it at once: each writes
 * the same documents under the same ids.
 */
@Component
@ConditionalOnNodeRole(NodeRole.PROJECTIONS)
class AuditSearchIndexer implements SmartLifecycle {

    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(AuditSearchIndexer.class);

    private final AuditIndex index;
    private final AuditReads reads;
    private final AuditPruning pruning;
    private final Duration poll;
    private ScheduledExecutorService runner;
    private final Object indexing = new Object();
    private long prunedThrough = -1;
    private boolean failing;

    AuditSearchIndexer(AuditIndex index, AuditReads reads, AuditPruning pruning,
                       @Value("${keel.audit.search-poll:1s}") Duration poll) {
        this.index = index;
        this.reads = reads;
        this.pruning = pruning;
        this.poll = poll;
    }

    /**
     * Indexes every record linked so far and drops what retention deleted.
     *
     * @return how many records it indexed
     */
    long catchUp() throws IOException {
        synchronized (indexing) {
            return indexAll();
        }
    }

    private long indexAll() throws IOException {
        index.prepare();
        long checkpoint = pruning.latest().chainPosition();
        if (checkpoint > prunedThrough) {
            index.pruneThrough(checkpoint);
            prunedThrough = checkpoint;
        }
        long position = Math.max(index.indexedUpTo(), checkpoint);
        long indexed = 0;
        for (List<AuditRecord> batch = reads.after(position, BATCH); !batch.isEmpty(); batch = reads.after(position, BATCH)) {
            index.write(batch);
            position = batch.getLast().chainPosition();
            indexed += batch.size();
        }
        return indexed;
    }

    private void run() {
        try {
            catchUp();
            if (failing) {
                log.info("Audit search index is being written again");
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                log.warn("Cannot update the audit search index (searches read PostgreSQL meanwhile; will retry): {}",
                        e.toString());
                failing = true;
            }
            prunedThrough = -1;
        }
    }

    @Override
    public synchronized void start() {
        runner = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-search-indexer");
            thread.setDaemon(true);
            return thread;
        });
        runner.scheduleWithFixedDelay(this::run, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (runner != null) {
            runner.shutdownNow();
            try {
                runner.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runner = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return runner != null;
    }
}
