package dev.keel.projection.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A buffer that lives as long as the current event batch and is flushed just before it commits. */
final class PerBatch {

    private PerBatch() {
    }

    /** Call only inside a unit of work ({@link CurrentUnitOfWork#isStarted()}). */
    static <T> T buffer(String key, Supplier<T> create, Consumer<T> flush) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(key, unused -> {
            T buffer = create.get();
            batch.onPrepareCommit(committing -> flush.accept(buffer));
            return buffer;
        });
    }
}
