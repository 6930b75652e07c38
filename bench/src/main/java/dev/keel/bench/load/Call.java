package dev.keel.bench.load;

/** One request of a load phase; throws when the answer is not the expected one. */
@FunctionalInterface
public interface Call {

    void run() throws Exception;
}
