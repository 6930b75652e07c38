package dev.keel.app.axonserver;

import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;

import javax.annotation.Nonnull;
import java.util.concurrent.CompletionException;

/**
 * The command path of the {@code axonserver} profile without an Axon Server: each command, its
 * result and its failure pass through the connector's own {@link CommandSerializer} to the gRPC
 * messages Axon Server carries and back, as {@code AxonServerCommandBus} does on both ends. So a
 * failure reaches the caller as the connector rebuilds it from an error code, a message and the
 * details ({@code ErrorCode.COMMAND_EXECUTION_ERROR}: a {@code CommandExecutionException} without its
 * original class), and a result as what the message serializer makes of it.
 */
class AxonServerWireCommandBus implements CommandBus {

    private final CommandBus localSegment;
    private final CommandSerializer wire;
    private final RoutingStrategy routing = AnnotationRoutingStrategy.defaultStrategy();
    private final AxonServerLink link;

    AxonServerWireCommandBus(CommandBus localSegment, Serializer messageSerializer, AxonServerLink link) {
        this.localSegment = localSegment;
        this.link = link;
        var configuration = new AxonServerConfiguration();
        configuration.setClientId("keel-wire-test");
        configuration.setComponentName("keel");
        this.wire = new CommandSerializer(messageSerializer, configuration);
    }

    @Override
    public <C> void dispatch(@Nonnull CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <C, R> void dispatch(@Nonnull CommandMessage<C> command,
                                @Nonnull CommandCallback<? super C, ? super R> callback) {
        if (!link.isEmulating()) {
            localSegment.dispatch(command, callback);
            return;
        }
        Command sent = wire.serialize(command, routing.getRoutingKey(command), 0);
        if (!link.isConnected()) {
            // the connector's command channel fails the send; AxonServerCommandBus hands that failure on
            callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(new CompletionException(
                    new AxonServerException(ErrorCategory.COMMAND_DISPATCH_ERROR,
                            "An error occurred while attempting to dispatch a message", "keel-wire-test"))));
            return;
        }
        CommandMessage<?> received = wire.deserialize(sent);
        localSegment.dispatch(received, (CommandCallback) (handled, result) -> {
            CommandResponse response = wire.serialize((CommandResultMessage<?>) result, sent.getMessageIdentifier());
            CommandResultMessage<R> answer = wire.deserialize(response);
            callback.onResult(command, answer);
        });
    }

    @Override
    public Registration subscribe(@Nonnull String commandName, @Nonnull MessageHandler<? super CommandMessage<?>> handler) {
        return localSegment.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return localSegment.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return localSegment.registerDispatchInterceptor(interceptor);
    }
}
