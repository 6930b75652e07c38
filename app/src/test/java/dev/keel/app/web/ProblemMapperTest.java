package dev.keel.app.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ProblemMapper.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(ProblemMapper.class)).detachAppender(log);
    }

    @Test
    void anUnexpectedExceptionGetsAnErrorIdThatTheLogRepeats() {
        ProblemDetail problem = mapper.toProblem(new IllegalStateException("boom"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertLogged(problem);
    }

    @Test
    void aServerErrorFromSpringGetsAnErrorIdThatTheLogRepeatsAndHidesItsReason() {
        ProblemDetail problem = mapper.toProblem(new ServerErrorException("role", (Throwable) null));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getType().toString()).isEqualTo("/problems/internal-error");
        assertThat(problem.getDetail()).doesNotContain("role");
        assertLogged(problem);
    }

    @Test
    void anIntendedUnavailableKeepsItsTypeAndGetsAnErrorIdToo() {
        ProblemDetail problem = mapper.toProblem(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "down"));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).isEqualTo("down");
        assertLogged(problem);
    }

    @Test
    void aClientErrorIsNotLoggedAsAnError() {
        ProblemDetail problem = mapper.toProblem(new ResponseStatusException(HttpStatus.NOT_FOUND));

        assertThat(problem.getProperties()).isNull();
        assertThat(log.list).isEmpty();
    }

    @Test
    void aRequestTheFirewallRefusesIsABadRequest() {
        ProblemDetail problem = mapper.toProblem(new ServerExchangeRejectedException(
                "The request was rejected because the header: \"Idempotency-Key \" has a value \"a\u0085\" that is not allowed."));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType().toString()).isEqualTo("/problems/malformed-request");
        assertThat(log.list).isEmpty();
    }

    private void assertLogged(ProblemDetail problem) {
        assertThat(problem.getProperties()).containsKey("errorId");
        String errorId = String.valueOf(problem.getProperties().get("errorId"));
        assertThat(errorId).isNotBlank();
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains(errorId));
    }
}
