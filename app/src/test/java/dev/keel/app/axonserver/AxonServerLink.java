package dev.keel.app.axonserver;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Switches the {@link AxonServerSeams} on for the tests that need them (the shared context runs every
 * other test on the plain default), and plays an outage of the stand-in Axon Server.
 */
public class AxonServerLink {

    private final AtomicBoolean emulating = new AtomicBoolean();
    private final AtomicBoolean connected = new AtomicBoolean(true);

    public boolean isEmulating() {
        return emulating.get();
    }

    public boolean isConnected() {
        return connected.get();
    }

    public void emulate() {
        emulating.set(true);
    }

    /** Back to the default profile's behaviour, connected. */
    public void stopEmulating() {
        emulating.set(false);
        connected.set(true);
    }

    public void cut() {
        connected.set(false);
    }

    public void restore() {
        connected.set(true);
    }
}
