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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thread, one open transaction at a time, as many waiting commands in it as there are. At most
 * {@code capacity} wait; one that waited past its deadline is refused, by whichever comes first of
 * this thread taking it and {@link #expireOverdue} (which runs while this thread is busy), and then
 * never runs.
 */
final class Committer {

    private static final Logger log = LoggerFactory.getLogger(Committer.class);
    /** A full queue drains quickly when the database keeps up; a retry may come back soon. */
    private static final Duration FULL_RETRY_AFTER = Duration.ofSeconds(1);

    private static final class Pending {
        final CommandMessage<?> command;
        final CommandCallback<Object, Object> callback;
        final long deadline;
        /** Set once, by whoever takes it first: the committer to run it, or the timeout to refuse it. */
        final AtomicBoolean settled = new AtomicBoolean();

        Pending(CommandMessage<?> command, CommandCallback<Object, Object> callback, long deadline) {
            this.command = command;
            this.callback = callback;
            this.deadline = deadline;
        }

        boolean overdue(long now) {
            return now - deadline >= 0;
        }
    }

    private record Done(Pending pending, CommandResultMessage<?> result) {
    }

    private final LinkedBlockingQueue<Pending> queue;
    private final SimpleCommandBus local;
    private final PlatformTransactionManager transactions;
    private final int maxBatch;
    private final long timeoutNanos;
    private final CommandResultMessage<?> timedOut;
    private final Runnable lostBatch;
    private final Thread thread;
    private volatile boolean stopping;
    private boolean closed;

    Committer(String name, SimpleCommandBus local, PlatformTransactionManager transactions,
              CommandBusProperties sizes, Runnable lostBatch) {
        this.queue = new LinkedBlockingQueue<>(sizes.queue());
        this.local = local;
        this.transactions = transactions;
        this.maxBatch = sizes.maxBatch();
        this.timeoutNanos = sizes.timeout().toNanos();
        this.timedOut = GenericCommandResultMessage.asCommandResultMessage(new CommandBusOverloaded(
                "The command waited " + sizes.timeout().toMillis() + " ms for its turn and was not run",
                sizes.timeout()));
        this.lostBatch = lostBatch;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** @return why the command was not taken, or {@code null} when it was */
    @SuppressWarnings("unchecked")
    synchronized RuntimeException offer(CommandMessage<?> command, CommandCallback<?, ?> callback) {
        if (stopping || closed) {
            return new RejectedExecutionException("The command bus is shutting down");
        }
        var pending = new Pending(command, (CommandCallback<Object, Object>) callback, System.nanoTime() + timeoutNanos);
        return queue.offer(pending) ? null
                : new CommandBusOverloaded("Too many commands are waiting on this server", FULL_RETRY_AFTER);
    }

    /** Refuses the commands at the head of the queue that waited past their deadline. */
    void expireOverdue() {
        long now = System.nanoTime();
        for (Iterator<Pending> waiting = queue.iterator(); waiting.hasNext(); ) {
            Pending pending = waiting.next();
            if (!pending.overdue(now)) {
                return; // the rest came later, with later deadlines
            }
            if (pending.settled.compareAndSet(false, true)) {
                waiting.remove();
                report(pending, timedOut);
            }
        }
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
            close().stream().filter(late -> late.settled.compareAndSet(false, true))
                    .forEach(late -> report(late, shuttingDown));
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
                batch.removeIf(this::refusedOrTimedOut);
                if (!batch.isEmpty()) {
                    commit(batch);
                }
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

    /** Settles a command this thread took: to run it, or, past its deadline, to refuse it. */
    private boolean refusedOrTimedOut(Pending pending) {
        if (!pending.settled.compareAndSet(false, true)) {
            return true;
        }
        if (pending.overdue(System.nanoTime())) {
            report(pending, timedOut);
            return true;
        }
        return false;
    }

    private void commit(List<Pending> batch) {
        List<Done> done = new ArrayList<>(batch.size());
        TransactionStatus transaction = null;
        try {
            transaction = transactions.getTransaction(new DefaultTransactionDefinition());
            for (Pending pending : batch) {
                local.dispatch(pending.command, (message, result) -> done.add(new Done(pending, result)));
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
            pending.callback.onResult(pending.command, result);
        } catch (RuntimeException e) {
            log.error("A command's caller failed to take its result", e);
        }
    }
}
