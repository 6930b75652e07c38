package dev.keel.command.request;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;

import javax.annotation.Nonnull;

/**
 * The command bus that handles commands on this node (the one Axon Server routes to), with every
 * refusal turned into a {@link CommandExecutionException} whose details are a {@link CommandProblem}.
 * Axon Server's connector sends those details back to the caller (and nothing of the original
 * exception but its message), so the caller answers the same problem whichever node ran the command.
 * The original failure stays the cause for a caller on this node, and in this node's log.
 */
public class ProblemCarryingCommandBus implements CommandBus, AutoCloseable {

    private final CommandBus local;

    public ProblemCarryingCommandBus(CommandBus local) {
        this.local = local;
    }

    /** The bus it decorates, for whoever needs the original failures. */
    public CommandBus local() {
        return local;
    }

    @Override
    public <C> void dispatch(@Nonnull CommandMessage<C> command) {
        local.dispatch(command);
    }

    @Override
    public <C, R> void dispatch(@Nonnull CommandMessage<C> command,
                                @Nonnull CommandCallback<? super C, ? super R> callback) {
        local.<C, R>dispatch(command, (message, result) -> {
            if (!result.isExceptional() || result.exceptionResult() instanceof CommandExecutionException carried
                    && carried.getDetails().isPresent()) {
                callback.onResult(message, result);
                return;
            }
            Throwable failure = result.exceptionResult();
            Throwable carried = CommandProblem.of(failure)
                    .<Throwable>map(problem -> new CommandExecutionException(failure.getMessage(), failure, problem))
                    .orElse(failure);
            callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage(carried));
        });
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

    @Override
    public void close() throws Exception {
        if (local instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
