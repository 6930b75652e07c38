package dev.keel.embedded.elasticsearch;

import java.util.concurrent.CountDownLatch;

/** A JVM that starts a node, says which, and waits to be killed: the child must not outlive it. */
public final class DoomedParent {

    static final String CHILD_PREFIX = "CHILD=";

    private DoomedParent() {
    }

    public static void main(String[] args) throws InterruptedException {
        var node = EmbeddedElasticsearch.builder().ephemeral().heap("256m").start();
        System.out.println(CHILD_PREFIX + node.process().pid() + " " + node.dataDirectory());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
