package dev.keel.app.openapi;

import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules other modules' endpoints rely on without an integration test of their own: a class's
 * problems apply to its methods, a throttled answer documents Retry-After, every operation may be
 * overloaded (and an endpoint's own reason for it is added), If-None-Match documents a 304, and a
 * response header nobody described fails the document rather than going out undescribed.
 */
class OperationDocumentationTest {

    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "orders-paused", description = "orders are paused")
    static class OrdersController {

        @Public
        @ProblemResponse(status = HttpStatus.TOO_MANY_REQUESTS, type = "too-many-orders", description = "slow down")
        @PostMapping("/v1/orders")
        void placeOrder() {
        }

        @Public
        @GetMapping("/v1/orders/{orderId}")
        void findOrder() {
        }

        @Public
        @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "overloaded", description = "the pool is full")
        @PostMapping("/v1/orders/{orderId}/password")
        void protectOrder() {
        }

        @SuccessResponse(headers = "X-Undescribed")
        @GetMapping("/v1/orders")
        void searchOrders() {
        }
    }

    private final OperationDocumentation documentation = new OperationDocumentation();

    @Test
    void aClassesProblemsApplyToItsMethodsAndThrottlingDocumentsRetryAfter() {
        Operation operation = documentation.customize(springdocOperation(), handler("placeOrder"));

        assertThat(operation.getResponses().get("503").getExtensions().get(OperationDocumentation.PROBLEM_TYPES))
                .isEqualTo(List.of("/problems/overloaded", "/problems/orders-paused"));
        assertThat(operation.getResponses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(operation.getResponses().get("429").getHeaders().get("Retry-After").get$ref())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(operation.getResponses().get("429").getDescription()).contains("`/problems/too-many-orders`: slow down");
        assertThat(operation.getSecurity()).isEmpty();
        assertThat(operation.getResponses()).doesNotContainKey("401");
    }

    @Test
    void everyOperationMayBeOverloadedAndAnEndpointAddsItsOwnReasonToASharedType() {
        Operation read = documentation.customize(springdocOperation(), handler("findOrder"));
        Operation command = documentation.customize(springdocOperation(), handler("protectOrder"));

        // the class's own 503 comes with every method
        assertThat(read.getResponses().get("503").getExtensions().get(OperationDocumentation.PROBLEM_TYPES))
                .isEqualTo(List.of("/problems/overloaded", "/problems/orders-paused"));
        assertThat(read.getResponses().get("503").getDescription()).contains("database").doesNotContain("command");
        assertThat(command.getResponses().get("503").getExtensions().get(OperationDocumentation.PROBLEM_TYPES))
                .as("listed once").isEqualTo(List.of("/problems/overloaded", "/problems/orders-paused"));
        assertThat(command.getResponses().get("503").getDescription())
                .contains("`/problems/overloaded`: the pool is full; or the database").contains("command queue");
        assertThat(command.getResponses().get("503").getHeaders()).containsKey("Retry-After");
    }

    @Test
    void ifNoneMatchDocumentsANotModifiedWithItsETag() {
        Operation operation = springdocOperation();
        operation.addParametersItem(new HeaderParameter().name("If-None-Match").required(false));

        documentation.customize(operation, handler("findOrder"));

        assertThat(operation.getResponses().get("304").getHeaders()).containsKey("ETag");
        assertThat(operation.getResponses().get("304").getContent()).isNull();
        assertThat(operation.getParameters().getFirst().getSchema().getPattern()).isNotBlank();
    }

    @Test
    void aResponseHeaderNobodyDescribedFailsTheDocument() {
        assertThatThrownBy(() -> documentation.customize(springdocOperation(), handler("searchOrders")))
                .hasMessageContaining("X-Undescribed");
    }

    /** What springdoc hands the customizer: a 200 with the method's JSON content. */
    private static Operation springdocOperation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                .content(new Content().addMediaType("application/json", new MediaType()))));
    }

    private static HandlerMethod handler(String name) {
        try {
            return new HandlerMethod(new OrdersController(), OrdersController.class.getDeclaredMethod(name));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
