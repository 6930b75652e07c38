package dev.keel.app.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR;
import static org.springframework.http.HttpStatus.NOT_ACCEPTABLE;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE;
import static org.springframework.http.HttpStatus.UNAUTHORIZED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;
import static org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE;

/**
 * The problems an operation answers because of its shape, whatever it does: what the app's edge,
 * JSON reading, security, idempotency and concurrency rules answer for a body, a path variable, a
 * token, an {@code Idempotency-Key} or an {@code If-Match}. An endpoint declares only its own rules
 * ({@link dev.keel.web.ProblemResponse}).
 */
final class SharedProblems {

    /** One problem type an operation can answer, with when. */
    record Problem(HttpStatus status, String type, String description) {
    }

    /**
     * Any statement may reach PostgreSQL's {@code statement_timeout} or {@code lock_timeout}, and every
     * command goes through the bounded command bus (docs/resource-bounds.md), so every operation may
     * answer 503 {@code overloaded}; a client must handle a 503 anyway, since a proxy may answer one.
     */
    private static final String OVERLOADED_DATABASE = "the database took too long (a statement or lock time limit)";

    private SharedProblems() {
    }

    static List<Problem> of(Operation operation, HandlerMethod handler, HttpMethod method) {
        List<Problem> problems = new ArrayList<>();
        problems.add(new Problem(BAD_REQUEST, "malformed-request",
                "the request target or a header cannot be taken as sent (`%2F`, `;` or `..` in the path, say)"));
        problems.add(new Problem(BAD_REQUEST, "invalid-field", """
                a parameter, header or field has a value Keel does not take, or a header or query parameter \
                that is sent once came twice; `errors[].field` names it"""));
        if (operation.getRequestBody() != null) {
            problems.add(new Problem(BAD_REQUEST, "malformed-json", "the body is not JSON, or not UTF-8"));
            problems.add(new Problem(BAD_REQUEST, "invalid-body", "the body is JSON but not an object"));
            problems.add(new Problem(BAD_REQUEST, "unknown-field", "the body has a field this operation does not know"));
            problems.add(new Problem(BAD_REQUEST, "duplicate-field", "the body has a field twice"));
        }
        if (operation.getRequestBody() != null || has(operation, "query")) {
            problems.add(new Problem(BAD_REQUEST, "validation-failed",
                    "values break their constraints; `errors[]` lists each"));
        }
        if (parameters(operation).stream().anyMatch(parameter -> "query".equals(parameter.getIn())
                && Boolean.TRUE.equals(parameter.getRequired()))) {
            problems.add(new Problem(BAD_REQUEST, "missing-query-parameter", "a required query parameter is missing"));
        }
        if (has(operation, "path")) {
            problems.add(new Problem(NOT_FOUND, "not-found", "nothing the caller may see has that id"));
        }
        if (hasHeader(operation, DocumentedHeaders.IDEMPOTENCY_KEY)) {
            problems.add(new Problem(BAD_REQUEST, "missing-idempotency-key", "the Idempotency-Key header is missing"));
            problems.add(new Problem(BAD_REQUEST, "invalid-idempotency-key",
                    "the Idempotency-Key is not 1-255 visible ASCII characters"));
            problems.add(new Problem(UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "the Idempotency-Key came before with another request"));
        }
        if (hasHeader(operation, "If-Match")) {
            problems.add(new Problem(CONFLICT, "version-conflict",
                    "If-Match names another version than the current one, which `currentVersion` gives"));
        }
        if (method != HttpMethod.GET) {
            problems.add(new Problem(CONFLICT, "concurrent-modification",
                    "another request changed the same thing at the same moment; retry"));
        }
        if (isSecured(operation)) {
            problems.add(new Problem(UNAUTHORIZED, "unauthorized", "no bearer token, or one that is invalid or expired"));
        }
        if (requiresRoles(handler)) {
            problems.add(new Problem(FORBIDDEN, "forbidden", "the token's roles do not allow this"));
        }
        if (Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(AuthenticationPrincipal.class))) {
            problems.add(new Problem(FORBIDDEN, "not-an-account", "the token is valid but speaks for no account"));
        }
        if (operation.getRequestBody() != null) {
            problems.add(new Problem(CONTENT_TOO_LARGE, "payload-too-large", "the body is larger than Keel reads"));
        }
        problems.add(new Problem(UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", operation.getRequestBody() == null
                ? "a `Content-Encoding` other than identity"
                : "the body is not `application/json` in UTF-8, or has a `Content-Encoding` other than identity"));
        problems.add(new Problem(NOT_ACCEPTABLE, "not-acceptable",
                "the Accept header rules out what the operation answers (JSON; the order stream: text/event-stream)"));
        problems.add(new Problem(INTERNAL_SERVER_ERROR, "internal-error",
                "something went wrong on the server; `errorId` names its log entry"));
        problems.add(new Problem(SERVICE_UNAVAILABLE, "overloaded", method == HttpMethod.GET
                ? OVERLOADED_DATABASE + "; nothing was done, ask again after `Retry-After` seconds"
                : OVERLOADED_DATABASE + ", or the command queue is full, or the command waited longer than the"
                + " command timeout, or (with Axon Server) no node that handles it can be reached; nothing was done, send it again (same `Idempotency-Key`) after `Retry-After`"
                + " seconds"));
        return problems;
    }

    static boolean isSecured(Operation operation) {
        return operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    }

    static boolean requiresRoles(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PreAuthorize.class)
                || handler.getBeanType().isAnnotationPresent(PreAuthorize.class);
    }

    static boolean hasHeader(Operation operation, String name) {
        return parameters(operation).stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
    }

    private static boolean has(Operation operation, String in) {
        return parameters(operation).stream().anyMatch(parameter -> in.equals(parameter.getIn()));
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }
}
