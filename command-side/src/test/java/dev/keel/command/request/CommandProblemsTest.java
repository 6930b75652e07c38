package dev.keel.command.request;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemsTest {

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
}
