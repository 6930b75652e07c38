package dev.keel.command.request;

import dev.keel.command.bus.CommandBusOverloaded;
import dev.keel.command.rejection.CommandRejected;
import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.ErrorResponseException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemsTest {

    @Test
    void aCommandTheBusNeverRanIs503OverloadedWithRetryAfter() {
        var problem = (ErrorResponseException) CommandProblems.toErrorResponse(
                new CommandBusOverloaded("The command waited too long", Duration.ofSeconds(10)));

        assertThat(problem.getStatusCode().value()).isEqualTo(503);
        assertThat(problem.getBody().getType().toString()).isEqualTo("/problems/overloaded");
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(problem.getBody().getDetail()).startsWith("The command waited too long");
    }

    @Test
    void aBusShuttingDownIs503Too() {
        var problem = (ErrorResponseException) CommandProblems.toErrorResponse(
                new RejectedExecutionException("The command bus is shutting down"));

        assertThat(problem.getStatusCode().value()).isEqualTo(503);
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void aDatabaseThatWentAwayIs503SoTheClientRetriesWithTheSameKey() {
        for (Throwable gone : new Throwable[]{
                new DataAccessResourceFailureException("connection refused"),
                new TransactionSystemException("Could not commit JDBC transaction",
                        new SQLException("An I/O error occurred while sending to the backend", "08006"))}) {
            var problem = (ErrorResponseException) CommandProblems.toErrorResponse(gone);
            assertThat(problem.getStatusCode().value()).isEqualTo(503);
            assertThat(problem.getBody().getType()).hasToString("/problems/overloaded");
            assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        }
        var raised = new UncategorizedSQLException("commit", null, new SQLException("the commit fails here", "P0001"));
        assertThat(CommandProblems.toErrorResponse(raised)).as("a commit refused for a reason of its own").isSameAs(raised);
    }

    @Test
    void aCommandThatLostADeadlockIsAConflictToRetryNotAServerError() {
        for (var lost : new PessimisticLockingFailureException[]{
                new PessimisticLockingFailureException("deadlock detected"),
                new CannotAcquireLockException("could not obtain lock")}) {
            var problem = (ErrorResponseException) CommandProblems.toErrorResponse(lost);
            assertThat(problem.getStatusCode().value()).isEqualTo(409);
            assertThat(problem.getBody().getType()).hasToString("/problems/concurrent-modification");
        }
    }

    @Test
    void aLockWaitThatReachedTheLockTimeoutIsAnOverloadNotAConflict() {
        var timedOut = new CannotAcquireLockException("lock wait",
                new SQLException("canceling statement due to lock timeout", "55P03"));
        var problem = (ErrorResponseException) CommandProblems.toErrorResponse(timedOut);

        assertThat(problem.getStatusCode().value()).isEqualTo(503);
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void aRefusalCarriedAsDetailsAnswersWhatTheRefusalItselfAnswers() {
        var rejected = new CommandRejected(CommandRejected.Kind.CONFLICT, "version-conflict",
                "The product is at version 3", Map.of("currentVersion", 3L));
        var problem = CommandProblem.of(rejected).orElseThrow();
        // across Axon Server only the message and the details arrive
        var remote = new CommandExecutionException(rejected.getMessage(), new RuntimeException("remote"), problem);

        var local = (ErrorResponseException) CommandProblems.toErrorResponse(rejected);
        var carried = (ErrorResponseException) CommandProblems.toErrorResponse(remote);

        assertThat(carried.getStatusCode()).isEqualTo(local.getStatusCode());
        assertThat(carried.getBody()).isEqualTo(local.getBody());
        assertThat(carried.getBody().getProperties()).containsEntry("currentVersion", 3L);
    }

    @Test
    void anOverloadCarriedAsDetailsKeepsItsRetryAfter() {
        var problem = CommandProblem.of(new CommandBusOverloaded("Busy", Duration.ofSeconds(7))).orElseThrow();
        var carried = (ErrorResponseException) CommandProblems.toErrorResponse(
                new CommandExecutionException("Busy", null, problem));

        assertThat(carried.getStatusCode().value()).isEqualTo(503);
        assertThat(carried.getHeaders().getFirst("Retry-After")).isEqualTo("7");
    }

    @Test
    void anUnexpectedFailureCarriesNoProblemAndStaysAServerError() {
        assertThat(CommandProblem.of(new IllegalStateException("bug"))).isEmpty();
    }

    @Test
    void aCommandThatCannotReachAHandlerIs503WithRetryAfter() {
        for (Throwable unreachable : new Throwable[]{
                new AxonServerCommandDispatchException("AXONIQ-4003", "Exception while dispatching a command to AxonServer",
                        new StatusRuntimeException(Status.UNAVAILABLE)),
                new NoHandlerForCommandException("No node for CreateProduct"),
                new CompletionException(new AxonServerException(ErrorCategory.CONNECTION_FAILED, "down", "client"))}) {
            var problem = (ErrorResponseException) CommandProblems.toErrorResponse(unreachable);
            assertThat(problem.getStatusCode().value()).as(unreachable.toString()).isEqualTo(503);
            assertThat(problem.getHeaders().getFirst("Retry-After")).isNotBlank();
        }
    }
}
