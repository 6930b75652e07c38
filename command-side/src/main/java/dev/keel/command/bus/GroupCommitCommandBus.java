package dev.keel.command.bus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
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
import java.util.concurrent.RejectedExecutionException;

/**
 * A command bus in front of Axon's {@link SimpleCommandBus}: {@code dispatch} hands the command to one
 * of a few {@link Committer}s, chosen by the command's aggregate, and returns at once.
 *
 * <p>A committer takes every command waiting for it, opens one transaction, runs each command through
 * the simple bus in a savepoint of its own (the simple bus's transaction manager must use nested
 * propagation), commits once, and only then reports each result. A refused command rolls back to its
 * savepoint alone; if the commit fails, every command of the batch fails. Commands on one aggregate
 * always go to the same committer, so they run one after the other, each seeing the ones before.
 */
public class GroupCommitCommandBus implements CommandBus, AutoCloseable {

    private final SimpleCommandBus local;
    private final RoutingStrategy routing;
    private final List<Committer> committers = new ArrayList<>();

    /**
     * @param local        runs the commands; its transaction manager must join ours with savepoints
     * @param committers   how many transactions may be open at once (each holds a connection)
     * @param maxBatch     the most commands in one transaction
     * @param lostBatch    runs after a batch failed to commit, when its commands had already finished: state
     *                     they left in memory (cached aggregates) was never stored and must go
     */
    public GroupCommitCommandBus(SimpleCommandBus local, RoutingStrategy routing, PlatformTransactionManager transactions,
                                 int committers, int maxBatch, Runnable lostBatch) {
        this.local = local;
        this.routing = routing;
        for (int i = 0; i < committers; i++) {
            this.committers.add(new Committer("keel-commands-" + i, local, transactions, maxBatch, lostBatch));
        }
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
        if (!committers.get(index).offer(command, callback)) {
            throw new RejectedExecutionException("The command bus is shutting down");
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
    }
}
