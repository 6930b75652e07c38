package dev.keel.app.openapi;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenAPI document at {@code /v3/api-docs}: springdoc reads the controllers; the beans here make
 * it say what the endpoints really do (docs/api-contract.md).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    /** Descriptions of the tags endpoints use; a tag not listed here is listed without one. */
    private static final Map<String, String> TAGS = new LinkedHashMap<>(Map.of(
            "Accounts", "Registering, verifying an email address, password resets, roles",
            "Sessions", "Logging in and staying logged in; Keel's public signing keys",
            "Me", "The signed-in account: its profile, password and sessions",
            "Catalog", "Products: reading and searching for anyone, changes for STAFF",
            "Privacy", "Data protection: consent, export of one's data, erasure",
            "Audit", "COMPLIANCE: the tamper-evident audit trail, its search, export and verification",
            "Operations", "STAFF: event processors, their lag and replays"));

    @Bean
    OpenAPI keelOpenApi() {
        Components components = new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from `POST /v1/sessions` (or refresh, or Firebase sign-in)"));
        ProblemSchemas.components().forEach(components::addSchemas);
        DocumentedHeaders.RESPONSE.forEach(components::addHeaders);
        return new OpenAPI()
                .info(new Info()
                        .title("Keel API")
                        .version("v1")
                        .description("""
                                Commands need a bearer JWT unless they say otherwise, and an `Idempotency-Key` \
                                header (a new UUID per logical request; a retry with the same key returns the \
                                first result). Reads of a resource answer its version as `ETag`; send it back \
                                as `If-Match` to change exactly that version.

                                Errors are `application/problem+json` (the `Problem` schema) with a stable \
                                `type`; each response lists the types it can carry. Bad input names the field \
                                in `errors[]`. Any request may also be refused before it reaches an operation: \
                                414 `uri-too-long`, 431 `request-header-fields-too-large`, 400 \
                                `malformed-request`, 404 `not-found` for an unknown path and 405 \
                                `method-not-allowed` for a known path with another method."""))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    ModelConverter valueTypeSchemas() {
        return new ValueTypeSchemas();
    }

    @Bean
    OperationCustomizer operationDocumentation() {
        return new OperationDocumentation();
    }

    @Bean
    OpenApiCustomizer nullableResponseFields() {
        return new NullableResponseFields();
    }

    /** Lists every tag an operation uses, so a new module's tag needs no entry anywhere else. */
    @Bean
    OpenApiCustomizer everyTagListed() {
        return openApi -> {
            List<Tag> tags = new ArrayList<>(Objects.requireNonNullElse(openApi.getTags(), List.of()));
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .flatMap(operation -> Objects.requireNonNullElse(operation.getTags(), List.<String>of()).stream())
                    .distinct()
                    .filter(name -> tags.stream().noneMatch(tag -> tag.getName().equals(name)))
                    .forEach(name -> tags.add(new Tag().name(name).description(TAGS.get(name))));
            openApi.setTags(tags);
        };
    }
}
