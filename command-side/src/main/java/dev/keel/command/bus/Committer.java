package dev.keel.command.bus;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** One thread, one open transaction at a time, as many waiting commands in it as there are. */
final class Committer {

    private static final Logger log = LoggerFactory.getLogger(Committer.class);

    private record Pending(CommandMessage<?> command, CommandCallback<Object, Object> callback) {
    }

    private record Done(Pending pending, CommandResultMessage<?> result) {
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final SimpleCommandBus local;
    private final PlatformTransactionManager transactions;
    private final int maxBatch;
    private final Runnable lostBatch;
    private final Thread thread;
    private volatile boolean stopping;
    private boolean closed;

    Committer(String name, SimpleCommandBus local, PlatformTransactionManager transactions, int maxBatch,
              Runnable lostBatch) {
        this.local = local;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.lostBatch = lostBatch;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    @SuppressWarnings("unchecked")
    synchronized boolean offer(CommandMessage<?> command, CommandCallback<?, ?> callback) {
        return !stopping && !closed && queue.offer(new Pending(command, (CommandCallback<Object, Object>) callback));
    }

    /** Takes no more commands; returns those that came in after the committer's last look at the queue. */
    private synchronized List<Pending> close() {
        closed = true;
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        return late;
    }

    void stop() {
        stopping = true;
    }

    void join() throws InterruptedException {
        thread.join();
    }

    private void run() {
        try {
            runUntilStopped();
        } finally {
            var shuttingDown = GenericCommandResultMessage.asCommandResultMessage(
                    new RejectedExecutionException("The command bus is shutting down"));
            close().forEach(late -> report(late, shuttingDown));
        }
    }

    private void runUntilStopped() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // commit() answers every caller itself, so nothing but a bug lands here; the thread goes on
                log.error("Command batch failed outside any command", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<Done> done = new ArrayList<>(batch.size());
        TransactionStatus transaction = null;
        try {
            transaction = transactions.getTransaction(new DefaultTransactionDefinition());
            for (Pending pending : batch) {
                local.dispatch(pending.command(), (message, result) -> done.add(new Done(pending, result)));
            }
            transactions.commit(transaction);
        } catch (RuntimeException | Error e) {
            rollBackQuietly(transaction, e);
            forgetLostState(e);
            // Nothing of the batch is stored: refused commands keep their reason, the rest get the failure.
            CommandResultMessage<?> failed = GenericCommandResultMessage.asCommandResultMessage(e);
            done.forEach(each -> report(each.pending(), each.result().isExceptional() ? each.result() : failed));
            batch.subList(done.size(), batch.size()).forEach(pending -> report(pending, failed));
            return;
        }
        done.forEach(each -> report(each.pending(), each.result()));
    }

    private void forgetLostState(Throwable cause) {
        try {
            lostBatch.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The batch's callers hear of the first failure, whatever the rollback then does. */
    private void rollBackQuietly(TransactionStatus transaction, Throwable cause) {
        if (transaction == null || transaction.isCompleted()) {
            return;
        }
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void report(Pending pending, CommandResultMessage<?> result) {
        try {
            pending.callback().onResult(pending.command(), result);
        } catch (RuntimeException e) {
            log.error("A command's caller failed to take its result", e);
        }
    }
}
