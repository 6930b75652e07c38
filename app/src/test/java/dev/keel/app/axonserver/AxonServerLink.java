package dev.keel.app.axonserver;

import org.axonframework.eventhandling.EventMessage;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Switches the {@link AxonServerSeams} on for the tests that need them (the shared context runs every
 * other test on the plain default), and plays an outage of the stand-in Axon Server.
 */
public class AxonServerLink {

    private final AtomicBoolean emulating = new AtomicBoolean();
    private final AtomicBoolean connected = new AtomicBoolean(true);
    private final AtomicBoolean eventStreamCut = new AtomicBoolean();
    private final Map<String, AtomicInteger> refusedOpens = new ConcurrentHashMap<>();
    private final AtomicReference<Predicate<Object>> failingAppend = new AtomicReference<>();
    private final AtomicReference<Predicate<Object>> failingBatch = new AtomicReference<>();
    private final Deque<EventMessage<?>> handedToStore = new ConcurrentLinkedDeque<>();

    public boolean isEmulating() {
        return emulating.get();
    }

    public boolean isConnected() {
        return connected.get();
    }

    public void emulate() {
        emulating.set(true);
    }

    /**
     * The next append of an event whose payload matches fails after the events were serialized (so
     * after any data key was committed) and before anything is stored, as when the connection to Axon
     * Server drops then.
     */
    public void failNextAppendOf(Predicate<Object> payload) {
        failingAppend.set(payload);
    }

    /** @return whether this append is the one to fail; it then fails only once */
    boolean takeAppendFailure(Object payload) {
        Predicate<Object> failing = failingAppend.get();
        return failing != null && failing.test(payload) && failingAppend.compareAndSet(failing, null);
    }

    /**
     * The next append of an event whose payload matches is stored, and then the PostgreSQL batch of its
     * command fails to commit, as when PostgreSQL or the node fails between the two stores' commits.
     */
    public void failBatchAfterAppendOf(Predicate<Object> payload) {
        failingBatch.set(payload);
    }

    /** @return whether this append's batch is the one to fail; it then fails only once */
    boolean takeBatchFailure(Object payload) {
        Predicate<Object> failing = failingBatch.get();
        return failing != null && failing.test(payload) && failingBatch.compareAndSet(failing, null);
    }

    /** Keeps the last events handed to the event store, as the store got them, before it serialized them. */
    void handedToStore(List<? extends EventMessage<?>> events) {
        events.forEach(handedToStore::addLast);
        while (handedToStore.size() > 200) {
            handedToStore.pollFirst();
        }
    }

    /** The latest event with a matching payload, as it was handed to the event store while emulating. */
    public Optional<EventMessage<?>> lastHandedToStore(Predicate<Object> payload) {
        return handedToStore.reversed().stream().filter(event -> payload.test(event.getPayload())).findFirst();
    }

    /** Back to the default profile's behaviour, connected. */
    public void stopEmulating() {
        handedToStore.clear();
        failingAppend.set(null);
        failingBatch.set(null);
        emulating.set(false);
        connected.set(true);
        eventStreamCut.set(false);
    }

    public boolean isEventStreamCut() {
        return eventStreamCut.get();
    }

    /** This node's event streams fail, as a projection node's do when it loses Axon Server; commands still run. */
    public void cutEventStream() {
        refusedOpens.clear();
        eventStreamCut.set(true);
    }

    void refusedEventStream(String thread) {
        refusedOpens.computeIfAbsent(thread, name -> new AtomicInteger()).incrementAndGet();
    }

    /** How often the given pooled processor (its coordinator thread) was refused a stream since the cut. */
    public int refusedEventStreams(String processor) {
        AtomicInteger refused = refusedOpens.get("Coordinator[" + processor + "]-0");
        return refused == null ? 0 : refused.get();
    }

    public void restoreEventStream() {
        eventStreamCut.set(false);
    }

    public void cut() {
        connected.set(false);
    }

    public void restore() {
        connected.set(true);
    }
}
