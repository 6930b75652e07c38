package dev.keel.app.openapi;

import dev.keel.web.Public;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI keelOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Keel API")
                        .version("v1")
                        .description("""
                                Commands need a bearer JWT and an Idempotency-Key header (a new UUID per \
                                logical request; a retry with the same key returns the first result). \
                                Errors are application/problem+json with a stable type."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The same mark the security rules are built from ({@link Public}): documented as needing no token. */
    @Bean
    OperationCustomizer publicOperationsNeedNoToken() {
        return (operation, handler) -> handler.hasMethodAnnotation(Public.class) ? operation.security(List.of()) : operation;
    }
}
