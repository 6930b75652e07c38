package dev.keel.command.request;

import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;

import java.time.Duration;
import java.util.Set;

/**
 * A command that never reached a handler because the route to one is down: Axon Server unreachable,
 * or no node that handles the command connected to it. Nothing ran, so the caller may send the same
 * request again (503 with {@code Retry-After}).
 */
final class CommandRouteDown {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final Set<ErrorCategory> UNREACHABLE = Set.of(ErrorCategory.CONNECTION_FAILED,
            ErrorCategory.COMMAND_DISPATCH_ERROR, ErrorCategory.NO_HANDLER_FOR_COMMAND);

    private CommandRouteDown() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isUnreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable failure) {
        return switch (failure) {
            case CommandDispatchException dispatch -> true;
            case NoHandlerForCommandException noHandler -> true;
            case AxonServerException server -> UNREACHABLE.contains(server.getErrorCategory());
            case StatusRuntimeException grpc -> grpc.getStatus().getCode() == Status.Code.UNAVAILABLE;
            default -> false;
        };
    }
}
