package dev.keel.command.request;

import dev.keel.command.bus.CommandBusOverloaded;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

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
}
