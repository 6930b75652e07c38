package dev.keel.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run measures and for how long; every value can be changed by an environment variable
 * (bench/run passes them through), the defaults are those of the issue.
 *
 * @param repository  the repository root: the app's extracted jar, the index mapping, target/bench
 * @param clients     concurrent clients of every load phase
 * @param appWarmup   unmeasured commands sent to a freshly started app before its first measurement, so
 *                    the JIT has compiled the hot paths (a cold JVM spends half a core compiling); the
 *                    reads get a third of it again before theirs
 * @param warmup      unmeasured load before each measured phase
 * @param measure     length of each measured phase
 * @param backlog     events in the projection backlog
 * @param batchSize   events per projection batch and documents per {@code _bulk} request, as the app
 * @param appHeap     the app JVM's maximum heap
 * @param profile     whether JFR records the app during measured phases (costs the app a few percent)
 */
public record Settings(Path repository, int clients, Duration appWarmup, Duration warmup, Duration measure, int backlog,
                       int batchSize, String appHeap, boolean profile) {

    public static Settings from(Path repository) {
        return new Settings(repository,
                intEnv("BENCH_CLIENTS", 16),
                Duration.ofSeconds(intEnv("BENCH_APP_WARMUP_SECONDS", 40)),
                Duration.ofSeconds(intEnv("BENCH_WARMUP_SECONDS", 5)),
                Duration.ofSeconds(intEnv("BENCH_SECONDS", 15)),
                intEnv("BENCH_BACKLOG", 100_000),
                intEnv("BENCH_BATCH_SIZE", 200),
                System.getenv().getOrDefault("BENCH_APP_HEAP", "1g"),
                intEnv("BENCH_PROFILE", 1) != 0);
    }

    public Path output() {
        return repository.resolve("target/bench");
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }
}
