package dev.keel.app.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * For {@link AuditSpeedBench}: what the audit-trail processor's batches look like from inside its
 * handler interceptor. Per unit of work: the events in it, the time in the handler, and the time
 * from the handler's last return to the commit's end (the token update and the transaction's commit).
 */
final class BatchWatch implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Set<UnitOfWork<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private long batches;
    private long events;
    private long maxBatch;
    private long handlerNanos;
    private long commitNanos;
    private long lastHandlerEnd;

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        synchronized (this) {
            if (seen.add(unitOfWork)) {
                int size = unitOfWork instanceof BatchingUnitOfWork<?> batch ? batch.getMessages().size() : 1;
                batches++;
                events += size;
                maxBatch = Math.max(maxBatch, size);
                unitOfWork.afterCommit(done -> committed());
                unitOfWork.onCleanup(done -> forget(done));
            }
        }
        long start = System.nanoTime();
        try {
            return chain.proceed();
        } finally {
            long end = System.nanoTime();
            synchronized (this) {
                handlerNanos += end - start;
                lastHandlerEnd = end;
            }
        }
    }

    private synchronized void committed() {
        commitNanos += System.nanoTime() - lastHandlerEnd;
    }

    private synchronized void forget(UnitOfWork<?> unitOfWork) {
        seen.remove(unitOfWork);
    }

    synchronized String summary() {
        return String.format("%d batches, %.1f events per batch on average (largest %d); per event %.2f ms in the "
                        + "handler; per batch %.1f ms from the handler's last return to the commit's end",
                batches, batches == 0 ? 0.0 : (double) events / batches, maxBatch,
                events == 0 ? 0.0 : handlerNanos / 1e6 / events, batches == 0 ? 0.0 : commitNanos / 1e6 / batches);
    }
}
