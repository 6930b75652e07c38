package dev.keel.command.bus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.transaction.PlatformTransactionManager;

import javax.annotation.Nonnull;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A command bus in front of Axon's {@link SimpleCommandBus}: {@code dispatch} hands the command to one
 * of a few {@link Committer}s, chosen by the command's aggregate, and returns at once.
 *
 * <p>A committer takes every command waiting for it, opens one transaction, runs each command through
 * the simple bus in a savepoint of its own (the simple bus's transaction manager must use nested
 * propagation), commits once, and only then reports each result. A refused command rolls back to its
 * savepoint alone; if the commit fails, every command of the batch fails. Commands on one aggregate
 * always go to the same committer, so they run one after the other, each seeing the ones before.
 *
 * <p>Nobody waits without bound: a committer holds at most {@code queue} waiting commands and refuses
 * more at once, and a command still waiting after {@code timeout} is refused then, even while its
 * committer is busy, and never runs. Both refusals are a {@link CommandBusOverloaded}.
 */
public class GroupCommitCommandBus implements CommandBus, AutoCloseable {

    private final SimpleCommandBus local;
    private final RoutingStrategy routing;
    private final List<Committer> committers = new ArrayList<>();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(
            work -> Thread.ofPlatform().name("keel-commands-timeouts").daemon().unstarted(work));

    /**
     * @param local     runs the commands; its transaction manager must join ours with savepoints
     * @param sizes     committers (transactions open at once, each holding a connection), the most
     *                  commands in one transaction, waiting for one committer, and the longest wait
     * @param lostBatch runs after a batch failed to commit, when its commands had already finished: state
     *                  they left in memory (cached aggregates) was never stored and must go
     */
    GroupCommitCommandBus(SimpleCommandBus local, RoutingStrategy routing, PlatformTransactionManager transactions,
                          CommandBusProperties sizes, Runnable lostBatch) {
        this.local = local;
        this.routing = routing;
        for (int i = 0; i < sizes.committers(); i++) {
            this.committers.add(new Committer("keel-commands-" + i, local, transactions, sizes, lostBatch));
        }
        long tick = Math.clamp(sizes.timeout().toMillis() / 10, 5, 100);
        timeouts.scheduleWithFixedDelay(() -> committers.forEach(Committer::expireOverdue), tick, tick,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public <C> void dispatch(@Nonnull CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    public <C, R> void dispatch(@Nonnull CommandMessage<C> command,
                                @Nonnull CommandCallback<? super C, ? super R> callback) {
        int index = Math.floorMod(routing.getRoutingKey(command).hashCode(), committers.size());
        RuntimeException refused = committers.get(index).offer(command, callback);
        if (refused != null) {
            callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(refused));
        }
    }

    @Override
    public Registration subscribe(@Nonnull String commandName, @Nonnull MessageHandler<? super CommandMessage<?>> handler) {
        return local.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return local.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return local.registerDispatchInterceptor(interceptor);
    }

    /** Stops taking commands, finishes those already taken. */
    @Override
    public void close() throws InterruptedException {
        committers.forEach(Committer::stop);
        for (Committer committer : committers) {
            committer.join();
        }
        timeouts.shutdownNow();
    }
}
