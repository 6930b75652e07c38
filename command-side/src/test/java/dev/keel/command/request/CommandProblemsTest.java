package dev.keel.command.request;

import dev.keel.command.bus.CommandBusOverloaded;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.web.ErrorResponseException;

import java.sql.SQLException;
import java.time.Duration;
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
}
