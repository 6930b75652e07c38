package dev.keel.app.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the recorded answers are enough to judge the document by. The documented-responses check
 * compares what was recorded; on an empty or partial record it would pass on nothing. So: run alone
 * it has nothing to judge (skip); when other integration tests ran, the record must hold answers
 * (else the recorder is broken); and when the whole suite ran, every documented operation must have
 * answered a success at least once (else an endpoint is untested, and nothing checks its answers).
 */
final class RecordCoverage {

    private RecordCoverage() {
    }

    /** Skip with a reason, or judge: {@code gaps} must be empty. */
    record Verdict(String skipReason, List<String> gaps) {
    }

    /**
     * @param otherClassesRan integration test classes besides the checking one that ran in this JVM
     * @param classesNotRun   integration test classes of the code base that did not run in this JVM
     * @param operations      every operation of the document ("METHOD path")
     * @param answered        answers recorded per operation
     * @param succeeded       operations that answered a 2xx or 304 at least once
     */
    static Verdict of(Set<String> otherClassesRan, Set<String> classesNotRun, List<String> operations,
                      Map<String, Integer> answered, Set<String> succeeded) {
        if (otherClassesRan.isEmpty()) {
            return new Verdict("run alone: no other integration test ran in this JVM, nothing to compare", List.of());
        }
        List<String> gaps = new ArrayList<>();
        if (answered.isEmpty()) {
            gaps.add("the integration tests " + otherClassesRan + " ran, but the recorder (ExchangeLog) holds no"
                    + " answer of a documented operation: it is not recording");
        }
        if (classesNotRun.isEmpty()) {
            operations.stream().filter(operation -> !succeeded.contains(operation)).distinct().sorted()
                    .forEach(operation -> gaps.add(operation + ": the whole suite ran and no test got a success"
                            + " from it, so nothing checks what it answers; add a test that calls it"));
        }
        return new Verdict(null, gaps);
    }
}
