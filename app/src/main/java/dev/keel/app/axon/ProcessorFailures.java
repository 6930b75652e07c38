package dev.keel.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which processor segments are failing right now. A pooled processor releases a failing segment and
 * retries it later, so its status alone shows nothing wrong; this watches every batch instead: a
 * rollback marks the segment failing, the next commit of that segment clears it.
 *
 * <p>An error's message can hold the data being written (a constraint violation names the row's
 * values), and health details reach every STAFF member, so health shows the error's type and an id;
 * the log has the rest under that id.
 */
@Component
class ProcessorFailures {

    private static final Logger log = LoggerFactory.getLogger(ProcessorFailures.class);

    /** Why a segment's last batch rolled back: the error's type and the id the log repeats. */
    record Failure(String error, String errorId, Instant at) {
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
                batch.onRollback(failed -> segments(processor).put(segment,
                        failure(processor, segment, failed.getExecutionResult().getExceptionResult())));
            }
            return chain.proceed();
        };
    }

    private Map<Integer, Failure> segments(String processor) {
        return failing.computeIfAbsent(processor, name -> new ConcurrentHashMap<>());
    }

    private static Failure failure(String processor, int segment, Throwable error) {
        String errorId = UUID.randomUUID().toString();
        log.warn("Processor {} segment {} rolled back its batch (errorId {})", processor, segment, errorId, error);
        return new Failure(error == null ? "rolled back" : error.getClass().getSimpleName(), errorId, Instant.now());
    }
}
