package dev.keel.command.password;

import dev.keel.web.Problems;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads of their own for password hashing. Each Argon2 hash is tens of milliseconds of CPU: on the
 * scheduler that queries share, a flood of sign-ups or logins queued every public read behind it. Here
 * at most {@code threads} hashes run at once and at most {@code queue} wait; anything more is refused
 * at once with 503 and {@code Retry-After}, so a flood costs the node a bounded share of its CPU and
 * no caller waits without bound. Work whose caller went away before it started is dropped.
 */
final class HashingPool implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final int threads;
    private final int queue;
    /** Average duration of recent work, for the Retry-After estimate. */
    private final AtomicLong averageNanos = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(100));

    HashingPool(int threads, int queue) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("Hashing needs at least one thread and a queue of zero or more, got "
                    + threads + " and " + queue);
        }
        this.threads = threads;
        this.queue = queue;
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, waiting,
                work -> Thread.ofPlatform().name("keel-hashing-" + number.getAndIncrement()).daemon().unstarted(work),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** @return the work's result, or 503 {@code overloaded} when {@code threads} are busy and {@code queue} is full */
    <T> Mono<T> run(Callable<T> work) {
        return Mono.create(sink -> {
            FutureTask<Void> task = new FutureTask<>(() -> {
                long start = System.nanoTime();
                try {
                    sink.success(work.call());
                } catch (Throwable e) {
                    sink.error(e);
                } finally {
                    remember(System.nanoTime() - start);
                }
                return null;
            });
            try {
                executor.execute(task);
            } catch (RejectedExecutionException full) {
                sink.error(Problems.overloaded(retryAfter(),
                        "Too many sign-ups, logins and password changes at once on this server"));
                return;
            }
            sink.onCancel(() -> {
                task.cancel(false);
                executor.remove(task);
            });
        });
    }

    /** Long enough for everything now running and waiting to finish. */
    Duration retryAfter() {
        return Duration.ofNanos(averageNanos.get() * (queue + threads) / threads);
    }

    private void remember(long nanos) {
        averageNanos.getAndUpdate(average -> average + (nanos - average) / 8);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
