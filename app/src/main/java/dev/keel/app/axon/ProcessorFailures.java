package dev.keel.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which processor segments are failing right now. A pooled processor releases a failing segment and
 * retries it later, so its status alone shows nothing wrong; this watches every batch instead: a
 * rollback marks the segment failing, the next commit of that segment clears it.
 */
@Component
class ProcessorFailures {

    /** Why a segment's last batch rolled back. */
    record Failure(String error, Instant at) {
    }

    private final Map<String, Map<Integer, Failure>> failing = new ConcurrentHashMap<>();

    Map<Integer, Failure> of(String processor) {
        return Map.copyOf(failing.getOrDefault(processor, Map.of()));
    }

    MessageHandlerInterceptor<EventMessage<?>> watch(String processor) {
        String segmentKey = "Processor[" + processor + "]/SegmentId";
        String watchedKey = ProcessorFailures.class.getName();
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            if (batch.resources().putIfAbsent(watchedKey, Boolean.TRUE) == null
                    && batch.getResource(segmentKey) instanceof Integer segment) {
                batch.afterCommit(done -> segments(processor).remove(segment));
                batch.onRollback(failed -> segments(processor).put(segment, new Failure(
                        describe(failed.getExecutionResult().getExceptionResult()), Instant.now())));
            }
            return chain.proceed();
        };
    }

    private Map<Integer, Failure> segments(String processor) {
        return failing.computeIfAbsent(processor, name -> new ConcurrentHashMap<>());
    }

    private static String describe(Throwable error) {
        return error == null ? "rolled back" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
