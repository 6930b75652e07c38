package dev.keel.command.request;

import dev.keel.web.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why a command was refused, as data: the details of the {@link CommandExecutionException} a caller
 * receives. Across Axon Server only an exception's message and its details arrive (the class is
 * gone), so the problem the client gets is rebuilt from this record, under either profile.
 *
 * @param status      the HTTP status
 * @param type        the problem type slug ({@code version-conflict})
 * @param detail      what was wrong, in terms of the current state
 * @param properties  the problem's extension fields ({@code currentVersion}, {@code errors}, ...)
 * @param retryAfter  the {@code Retry-After} header when the refusal says when to try again, else null
 */
public record CommandProblem(int status, String type, String detail, Map<String, Object> properties,
                             String retryAfter) {

    private static final String TYPE_PREFIX = "/problems/";

    /** The problem a failure answers, unless it is unexpected (a 500 stays an internal error). */
    static Optional<CommandProblem> of(Throwable failure) {
        if (failure instanceof CommandExecutionException carried && carried.getDetails().isPresent()) {
            return carried.getDetails().filter(CommandProblem.class::isInstance).map(CommandProblem.class::cast);
        }
        if (!(CommandProblems.toErrorResponse(failure) instanceof ErrorResponse answer)
                || answer.getStatusCode().is5xxServerError() && answer.getHeaders().getFirst("Retry-After") == null) {
            return Optional.empty();
        }
        var body = answer.getBody();
        String type = body.getType() == null ? null : body.getType().toString();
        Map<String, Object> properties = body.getProperties() == null ? Map.of() : new LinkedHashMap<>(body.getProperties());
        return Optional.of(new CommandProblem(answer.getStatusCode().value(),
                type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : null,
                body.getDetail(), properties, answer.getHeaders().getFirst("Retry-After")));
    }

    ErrorResponseException toErrorResponse() {
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        ErrorResponseException error = type == null
                ? new ErrorResponseException(httpStatus, ProblemDetail.forStatusAndDetail(httpStatus, detail), null)
                : Problems.error(httpStatus, type, detail);
        if (type == null) {
            error.getBody().setType(Problems.typeForStatus(status));
        }
        if (properties != null) {
            properties.forEach(error.getBody()::setProperty);
        }
        if (retryAfter != null) {
            error.getHeaders().set("Retry-After", retryAfter);
        }
        return error;
    }
}
