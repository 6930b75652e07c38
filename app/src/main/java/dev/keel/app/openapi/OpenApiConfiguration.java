package dev.keel.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
