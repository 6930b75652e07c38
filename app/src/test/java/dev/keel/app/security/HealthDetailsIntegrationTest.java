package dev.keel.app.security;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Health is public so that load balancers can ask it; what it is made of (databases, processors, their
 * positions and errors) is for STAFF.
 */
class HealthDetailsIntegrationTest extends KeelIntegrationTest {

    @Test
    void anyoneSeesTheStatusAndNothingElse() {
        web.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist()
                .jsonPath("$.details").doesNotExist();
        web.get().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void aCustomerSeesNoMoreThanAnyone() {
        web.get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(tokens.customer()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void staffSeeTheComponentsAndTheProcessors() {
        web.get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(tokens.staff()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.eventProcessors.details['product-table'].running").isEqualTo(true);
    }
}
