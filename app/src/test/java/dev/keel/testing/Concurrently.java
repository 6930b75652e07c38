package dev.keel.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs requests that race: each on its own thread, all released by one barrier at the same moment. */
public final class Concurrently {

    private Concurrently() {
    }

    /** @return what each of the {@code n} calls of {@code request} returned, in the order of their index */
    public static <T> List<T> run(int n, IntFunction<T> request) {
        CyclicBarrier start = new CyclicBarrier(n);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> result : results) {
                answers.add(result.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A racing request failed", e.getCause());
        }
    }
}
