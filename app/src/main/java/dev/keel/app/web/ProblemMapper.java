package dev.keel.app.web;

import dev.keel.command.idempotency.IdempotencyKey;
import dev.keel.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns any exception into a problem detail with a stable {@code type}. Bad input names the field;
 * anything unexpected becomes a 500 whose body holds only an error id that the log line repeats.
 */
@Component
public class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);
    private static final String DUPLICATE = "Duplicate Object property";

    /**
     * As {@link #toProblem(Throwable)}, and knows the request: a path variable that the route matched
     * but that converted to nothing (a blank {@code %20} segment) is the client's error, not ours.
     */
    public ProblemDetail toProblem(Throwable error, ServerWebExchange exchange) {
        if (error instanceof ServerErrorException e && isSentPathVariable(e.getMethodParameter(), exchange)) {
            String name = parameterName(e.getMethodParameter());
            return withField(problem(HttpStatus.BAD_REQUEST, "invalid-field", "'" + name + "' has an invalid value"),
                    name);
        }
        return toProblem(error);
    }

    /** Every 5xx carries an {@code errorId} that a log line repeats, so a report can be traced. */
    public ProblemDetail toProblem(Throwable error) {
        ProblemDetail problem = classify(error);
        if (problem.getStatus() >= 500) {
            identify(problem, error);
        }
        return problem;
    }

    private ProblemDetail classify(Throwable error) {
        return switch (error) {
            case WebExchangeBindException e -> invalidFields(e.getFieldErrors());
            case HandlerMethodValidationException e -> invalidParameters(e);
            case MissingRequestValueException e -> withField(problem(HttpStatus.BAD_REQUEST, missingType(e),
                    "Required " + e.getLabel() + " '" + e.getName() + "' is missing"), e.getName());
            case ServerWebInputException e -> fromInput(e);
            case AccessDeniedException e -> problem(HttpStatus.FORBIDDEN, "forbidden",
                    "Your roles do not allow this request");
            case AuthenticationException e -> problem(HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage());
            // Spring Security's firewall checks headers and parameters lazily, when the application reads them
            case ServerExchangeRejectedException e ->
                    problem(HttpStatus.BAD_REQUEST, "malformed-request", e.getMessage());
            case UnsupportedMediaTypeStatusException e -> unsupportedMediaType(e);
            case ErrorResponse e when e.getStatusCode().value() == 500 -> internalError();
            case ErrorResponse e -> withDefaultType(e.getBody(), e.getStatusCode().value());
            default -> internalError();
        };
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        return Problems.problem(status, type, detail);
    }

    private ProblemDetail fromInput(ServerWebInputException e) {
        Throwable cause = e.getCause();
        while (cause instanceof DecodingException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return switch (cause) {
            case DataBufferLimitException limit -> problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "The request body is larger than this endpoint accepts: " + limit.getMessage());
            case MalformedBody.Exception malformed when malformed.body().field() != null ->
                    withField(problem(HttpStatus.BAD_REQUEST, "invalid-field", malformed.body().detail()),
                            malformed.body().field());
            case MalformedBody.Exception malformed ->
                    problem(HttpStatus.BAD_REQUEST, "malformed-json", malformed.body().detail());
            case UnrecognizedPropertyException unknown -> withField(problem(HttpStatus.BAD_REQUEST, "unknown-field",
                    "Unknown field '" + path(unknown) + "'"), path(unknown));
            case InvalidFormatException format when isScalar(format.getTargetType()) -> withField(problem(
                    HttpStatus.BAD_REQUEST, "invalid-field", "Field '" + path(format) + "' must be "
                            + typeName(format.getTargetType())), path(format));
            case InvalidFormatException format -> withField(problem(HttpStatus.BAD_REQUEST, "invalid-field",
                    "Field '" + path(format) + "' has an invalid value: " + format.getValue()), path(format));
            case MismatchedInputException mismatch when mismatch.getPath().isEmpty() ->
                    problem(HttpStatus.BAD_REQUEST, "invalid-body", "The body must be a JSON object");
            case MismatchedInputException mismatch -> withField(problem(HttpStatus.BAD_REQUEST, "invalid-field",
                    "Field '" + path(mismatch) + "' must be " + typeName(mismatch.getTargetType())), path(mismatch));
            case DatabindException bind when bind.getCause() instanceof IllegalArgumentException invalid ->
                    withField(problem(HttpStatus.BAD_REQUEST, "invalid-field",
                            "Field '" + path(bind) + "' is invalid: " + invalid.getMessage()), path(bind));
            case InputCoercionException range when !range.getPath().isEmpty() ->
                    withField(problem(HttpStatus.BAD_REQUEST, "invalid-field",
                            "Field '" + path(range) + "' is out of range"), path(range));
            case StreamReadException duplicate when duplicateName(duplicate) != null -> duplicateField(duplicate);
            case StreamReadException malformed -> problem(HttpStatus.BAD_REQUEST, "malformed-json",
                    "The body is not valid JSON: " + malformed.getOriginalMessage());
            case null, default -> e.getMethodParameter() != null && !isBody(e.getMethodParameter())
                    ? withField(problem(HttpStatus.BAD_REQUEST, "invalid-field", "'" + parameterName(e.getMethodParameter())
                    + "' has an invalid value"), parameterName(e.getMethodParameter()))
                    : problem(HttpStatus.BAD_REQUEST, "malformed-request", e.getReason());
        };
    }

    /** Jackson names a repeated key only in its message: {@code Duplicate Object property "sku"}. */
    private static String duplicateName(StreamReadException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith(DUPLICATE)) {
            return null;
        }
        int open = message.indexOf('"');
        int close = message.lastIndexOf('"');
        return open >= 0 && close > open ? message.substring(open + 1, close) : null;
    }

    private static ProblemDetail duplicateField(StreamReadException e) {
        String parent = path(e);
        String field = parent.isEmpty() ? duplicateName(e) : parent + "." + duplicateName(e);
        return withField(problem(HttpStatus.BAD_REQUEST, "duplicate-field",
                "Field '" + field + "' appears more than once"), field);
    }

    private static ProblemDetail unsupportedMediaType(UnsupportedMediaTypeStatusException e) {
        MediaType type = e.getContentType();
        Charset charset = type == null ? null : type.getCharset();
        String detail;
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            detail = "Charset " + charset.name() + " is not supported: send the body in UTF-8";
        } else if (type != null) {
            detail = "Content-Type " + type + " is not supported: send application/json";
        } else {
            detail = "Content-Type is missing or not supported: send application/json (" + e.getReason() + ")";
        }
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail);
        return withField(problem, HttpHeaders.CONTENT_TYPE);
    }

    private static ProblemDetail invalidFields(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::getField).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid field(s): " + fields);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return problem;
    }

    private static ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", parameterName(result.getMethodParameter()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        String fields = errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid parameter(s): " + fields);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String missingType(MissingRequestValueException e) {
        // The label is words ("query parameter"); a problem type is a slug.
        return IdempotencyKey.HEADER.equalsIgnoreCase(e.getName()) ? "missing-idempotency-key"
                : "missing-" + e.getLabel().replace(' ', '-');
    }

    private static boolean isBody(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(RequestBody.class);
    }

    /** The name the client used: a request parameter's or header's name, else the Java one. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static ProblemDetail withField(ProblemDetail problem, String field) {
        problem.setProperty("errors", List.of(Map.of("field", field, "message", problem.getDetail())));
        return problem;
    }

    private static ProblemDetail withDefaultType(ProblemDetail body, int status) {
        if (body.getType() == null || URI.create("about:blank").equals(body.getType())) {
            body.setType(Problems.typeForStatus(status));
        }
        return body;
    }

    private static boolean isSentPathVariable(MethodParameter parameter, ServerWebExchange exchange) {
        if (parameter == null || !parameter.hasParameterAnnotation(PathVariable.class)) {
            return false;
        }
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables != null && variables.containsKey(parameterName(parameter));
    }

    private static ProblemDetail internalError() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side");
    }

    private static void identify(ProblemDetail problem, Throwable error) {
        String errorId = UUID.randomUUID().toString();
        problem.setProperty("errorId", errorId);
        if (problem.getStatus() == 500) {
            problem.setDetail("Something went wrong on our side; quote error id " + errorId + " when reporting it.");
            log.error("Unexpected error {}", errorId, error);
        } else {
            log.warn("Answered {} with error id {}: {}", problem.getStatus(), errorId, error.toString());
        }
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static boolean isScalar(Class<?> type) {
        return type != null && (type == String.class || type == Boolean.class || type.isPrimitive()
                || Number.class.isAssignableFrom(type));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type.isRecord() ? "an object" : "a " + type.getSimpleName();
    }
}
