package dev.keel.command.request;

import dev.keel.command.bus.CommandBusOverloaded;
import dev.keel.command.rejection.CommandRejected;
import dev.keel.web.DatabaseTimeLimits;
import dev.keel.web.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * Maps why a command failed to the problem detail the client gets; a command the bus never ran is a
 * 503 with Retry-After; anything else stays a 500.
 */
final class CommandProblems {

    static final String CONCURRENT_MODIFICATION = "concurrent-modification";

    private CommandProblems() {
    }

    static Throwable toErrorResponse(Throwable failure) {
        return switch (failure) {
            // A refusal as data: the same answer whether the command ran here or behind Axon Server
            case CommandExecutionException carried when carried.getDetails().orElse(null) instanceof CommandProblem problem ->
                    problem.toErrorResponse();
            case Throwable unreachable when CommandRouteDown.isCause(unreachable) -> Problems.overloaded(
                    CommandRouteDown.RETRY_AFTER, "Commands cannot reach a node that handles them now");
            case CommandRejected rejected -> {
                var error = Problems.error(statusOf(rejected.kind()), rejected.type(), rejected.getMessage());
                rejected.properties().forEach(error.getBody()::setProperty);
                yield error;
            }
            case AggregateNotFoundException notFound -> Problems.error(HttpStatus.NOT_FOUND, "not-found",
                    "Nothing exists with id " + notFound.getAggregateIdentifier());
            // Axon loads events by id alone: an id of another kind of aggregate is not one of these
            case IncompatibleAggregateException otherKind -> Problems.error(HttpStatus.NOT_FOUND, "not-found",
                    "Nothing of this kind exists with that id");
            case CommandBusOverloaded overloaded -> Problems.overloaded(overloaded.retryAfter(), overloaded.getMessage());
            case RejectedExecutionException shuttingDown -> Problems.overloaded(Duration.ofSeconds(1),
                    "This server is not taking commands now");
            case ConcurrencyException conflict -> concurrentModification();
            case ConflictingModificationException conflict -> concurrentModification();
            case AggregateStreamCreationException conflict -> concurrentModification();
            // PostgreSQL broke a deadlock between two batches by failing this command's statement; the
            // command rolled back to its savepoint alone, so a retry is safe (docs/commerce.md). A lock
            // wait that reached lock_timeout is no deadlock but an overload: 503 (docs/resource-bounds.md)
            case PessimisticLockingFailureException lost when !DatabaseTimeLimits.isTimeLimit(lost) ->
                    concurrentModification();
            // PostgreSQL could not be reached, or went away before the batch committed: nothing of the
            // batch is in PostgreSQL, and a retry under the same key is safe under either event store
            case Throwable databaseGone when databaseUnreachable(databaseGone) -> Problems.overloaded(
                    Duration.ofSeconds(1), "The database could not be reached; send the request again with the same "
                            + "Idempotency-Key");
            default -> DatabaseTimeLimits.asOverload(failure);
        };
    }

    /** Spring's resource failure, or SQLSTATE class 08 (connection exception) anywhere in the causes. */
    private static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static ErrorResponseException concurrentModification() {
        return Problems.error(HttpStatus.CONFLICT, CONCURRENT_MODIFICATION,
                "Another request changed this at the same time; retry the request");
    }

    private static HttpStatus statusOf(CommandRejected.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case GONE -> HttpStatus.GONE;
        };
    }
}
