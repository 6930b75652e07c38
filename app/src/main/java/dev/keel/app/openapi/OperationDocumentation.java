package dev.keel.app.openapi;

import dev.keel.app.openapi.SharedProblems.Problem;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.springframework.core.annotation.AnnotatedElementUtils.findMergedRepeatableAnnotations;

/**
 * Completes each operation from its handler method, so an endpoint is documented by what it is:
 * who may call it ({@link Public}), the headers it takes (described by name), what it answers on
 * success ({@link SuccessResponse}) and every problem it can answer: the shared ones its shape
 * implies ({@link SharedProblems}) and its own ({@link ProblemResponse}), each status with the
 * problem types it carries, listed in its description and in {@code x-problem-types}.
 */
final class OperationDocumentation implements OperationCustomizer {

    static final String PROBLEM_TYPES = "x-problem-types";
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        HttpMethod method = httpMethod(handler);
        if (handler.hasMethodAnnotation(Public.class)) {
            operation.setSecurity(List.of());
        }
        describeRequestHeaders(operation, method);
        documentSuccess(operation, handler);
        documentProblems(operation, handler, method);
        operation.setDescription(description(operation, handler));
        return operation;
    }

    private static HttpMethod httpMethod(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? HttpMethod.GET
                : mapping.method()[0].asHttpMethod();
    }

    /** Every command records the device and correlation headers; each header is described by its name. */
    private static void describeRequestHeaders(Operation operation, HttpMethod method) {
        if (method != HttpMethod.GET) {
            for (String name : List.of(DocumentedHeaders.DEVICE_ID, DocumentedHeaders.CORRELATION_ID)) {
                if (!SharedProblems.hasHeader(operation, name)) {
                    operation.addParametersItem(new HeaderParameter().name(name).required(false));
                }
            }
        }
        for (Parameter parameter : Optional.ofNullable(operation.getParameters()).orElse(List.of())) {
            DocumentedHeaders.RequestHeader known = "header".equals(parameter.getIn())
                    ? DocumentedHeaders.REQUEST.get(parameter.getName()) : null;
            if (known != null) {
                parameter.setDescription(known.description());
                parameter.setSchema(known.schema());
            }
        }
    }

    /** Moves springdoc's success response (200 unless {@code @ResponseStatus} said else) to the declared status. */
    private static void documentSuccess(Operation operation, HandlerMethod handler) {
        ApiResponses responses = Optional.ofNullable(operation.getResponses()).orElseGet(ApiResponses::new);
        String found = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElse(null);
        ApiResponse success = found == null ? new ApiResponse() : responses.remove(found);
        SuccessResponse declared = handler.getMethodAnnotation(SuccessResponse.class);
        HttpStatus status = declared != null ? declared.status()
                : found == null ? HttpStatus.OK : HttpStatus.valueOf(Integer.parseInt(found));
        if (status == HttpStatus.NO_CONTENT || success.getContent() != null && success.getContent().isEmpty()) {
            success.setContent(null);
        }
        success.setDescription(declared == null || declared.description().isEmpty()
                ? status.getReasonPhrase() : declared.description());
        if (declared != null) {
            for (String name : declared.headers()) {
                DocumentedHeaders.response(name);
                success.addHeaderObject(name, new Header().$ref(name));
            }
        }
        ApiResponses ordered = new ApiResponses();
        ordered.addApiResponse(Integer.toString(status.value()), success);
        if (SharedProblems.hasHeader(operation, HttpHeaders.IF_NONE_MATCH)) {
            ordered.addApiResponse("304", new ApiResponse()
                    .description("Not Modified: the current version is one If-None-Match named; no body")
                    .addHeaderObject(HttpHeaders.ETAG, new Header().$ref(HttpHeaders.ETAG)));
        }
        responses.forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
    }

    /**
     * The shared problems and the endpoint's own; an endpoint that answers a shared type for a reason
     * of its own too (503 {@code overloaded} when its password hashing pool is full) adds its reason.
     */
    private static void documentProblems(Operation operation, HandlerMethod handler, HttpMethod method) {
        Map<Integer, Map<String, String>> byStatus = new TreeMap<>();
        Stream.concat(SharedProblems.of(operation, handler, method).stream(), declared(handler))
                .forEach(problem -> byStatus.computeIfAbsent(problem.status().value(), status -> new LinkedHashMap<>())
                        .merge(problem.type(), problem.description(), (shared, own) -> own + "; or " + shared));
        byStatus.forEach((status, types) -> operation.getResponses().addApiResponse(Integer.toString(status),
                problemResponse(HttpStatus.valueOf(status), types)));
    }

    private static Stream<Problem> declared(HandlerMethod handler) {
        return Stream.concat(
                findMergedRepeatableAnnotations(handler.getBeanType(), ProblemResponse.class).stream(),
                findMergedRepeatableAnnotations(handler.getMethod(), ProblemResponse.class).stream())
                .map(declared -> new Problem(declared.status(), declared.type(), declared.description()));
    }

    private static ApiResponse problemResponse(HttpStatus status, Map<String, String> types) {
        String list = types.entrySet().stream()
                .map(type -> "- `/problems/" + type.getKey() + "`: " + type.getValue())
                .collect(Collectors.joining("\n"));
        ApiResponse response = new ApiResponse()
                .description(status.getReasonPhrase() + ". The problem's `type` is one of:\n\n" + list)
                .content(new Content().addMediaType(ProblemSchemas.MEDIA_TYPE,
                        new MediaType().schema(Schemas.ref(ProblemSchemas.PROBLEM))));
        response.addExtension(PROBLEM_TYPES, types.keySet().stream().map(type -> "/problems/" + type).toList());
        headerOf(status).ifPresent(name -> response.addHeaderObject(name, new Header().$ref(name)));
        return response;
    }

    private static Optional<String> headerOf(HttpStatus status) {
        return Optional.ofNullable(switch (status) {
            case UNAUTHORIZED -> HttpHeaders.WWW_AUTHENTICATE;
            case TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> DocumentedHeaders.RETRY_AFTER;
            case UNSUPPORTED_MEDIA_TYPE -> HttpHeaders.ACCEPT_ENCODING;
            default -> null;
        });
    }

    /** The operation's own description, then who may call it and the headers that make it safe to retry. */
    private static String description(Operation operation, HandlerMethod handler) {
        List<String> notes = new ArrayList<>();
        if (operation.getDescription() != null && !operation.getDescription().isBlank()) {
            notes.add(operation.getDescription().strip());
        }
        if (!SharedProblems.isSecured(operation)) {
            notes.add("Needs no token.");
        } else {
            List<String> roles = roles(handler);
            notes.add(roles.isEmpty() ? "Needs a bearer token."
                    : "Needs a bearer token with the role " + String.join(" or ", roles) + ".");
        }
        if (SharedProblems.hasHeader(operation, DocumentedHeaders.IDEMPOTENCY_KEY)) {
            notes.add("Send a new `Idempotency-Key` per logical request and the same one on each retry of it.");
        }
        if (SharedProblems.hasHeader(operation, "If-Match")) {
            notes.add("Send `If-Match` with the ETag you read to change exactly that version.");
        }
        return String.join(" ", notes);
    }

    private static List<String> roles(HandlerMethod handler) {
        PreAuthorize rule = Optional.ofNullable(handler.getMethodAnnotation(PreAuthorize.class))
                .orElse(handler.getBeanType().getAnnotation(PreAuthorize.class));
        List<String> roles = new ArrayList<>();
        if (rule != null) {
            Matcher matcher = ROLE.matcher(rule.value());
            while (matcher.find()) {
                roles.add(matcher.group(1));
            }
        }
        return roles;
    }
}
