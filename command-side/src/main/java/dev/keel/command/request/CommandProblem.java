package dev.keel.command.request;

import dev.keel.command.concurrency.ConflictDetails;
import dev.keel.web.Problems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.HttpStatus;
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
                             String retryAfter) implements ConflictDetails {

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
        int status = answer.getStatusCode().value();
        // a problem that came without a type (Spring's own errors) is named after its status, as ProblemMapper does
        String type = body.getType() != null && body.getType().toString().startsWith(TYPE_PREFIX)
                ? body.getType().toString() : Problems.typeForStatus(status).toString();
        Map<String, Object> properties = body.getProperties() == null ? Map.of() : new LinkedHashMap<>(body.getProperties());
        return Optional.of(new CommandProblem(status, type.substring(TYPE_PREFIX.length()), body.getDetail(),
                properties, answer.getHeaders().getFirst("Retry-After")));
    }

    /** {@code concurrent-modification}: what {@link CommandProblems} answers for a conflict the client did not cause. */
    @Override
    public boolean lostToAConcurrentChange() {
        return CommandProblems.CONCURRENT_MODIFICATION.equals(type);
    }

    ErrorResponseException toErrorResponse() {
        ErrorResponseException error = Problems.error(HttpStatus.valueOf(status), type, detail);
        if (properties != null) {
            properties.forEach(error.getBody()::setProperty);
        }
        if (retryAfter != null) {
            error.getHeaders().set("Retry-After", retryAfter);
        }
        return error;
    }
}
