package dev.keel.app.openapi;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IntegrationTestClasses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented-responses check cannot pass on an empty or partial record. */
class RecordCoverageTest {

    private static final List<String> OPERATIONS = List.of("GET /v1/orders/{orderId}", "POST /v1/orders");

    @Test
    void theWholeSuiteIsEveryConcreteIntegrationTestOnTheClassPath() {
        Set<String> all = IntegrationTestClasses.all(KeelIntegrationTest.class);

        assertThat(all).contains(DocumentedResponsesIntegrationTest.class.getName(),
                        GeneratedClientIntegrationTest.class.getName(), "dev.keel.command.order.OrderLifecycleIntegrationTest")
                .doesNotContain(KeelIntegrationTest.class.getName()).hasSizeGreaterThan(40);
    }

    @Test
    void runAloneThereIsNothingToJudge() {
        RecordCoverage.Verdict verdict = RecordCoverage.of(Set.of(), Set.of("OrderTest"), OPERATIONS, Map.of(), Set.of());

        assertThat(verdict.skipReason()).contains("run alone");
    }

    @Test
    void otherTestsRanButNothingWasRecordedFails() {
        RecordCoverage.Verdict verdict = RecordCoverage.of(Set.of("OrderTest"), Set.of("CatalogTest"), OPERATIONS,
                Map.of(), Set.of());

        assertThat(verdict.skipReason()).isNull();
        assertThat(verdict.gaps()).singleElement().asString().contains("not recording");
    }

    @Test
    void afterTheWholeSuiteAnOperationNoTestGotASuccessFromFailsByName() {
        RecordCoverage.Verdict verdict = RecordCoverage.of(Set.of("OrderTest"), Set.of(), OPERATIONS,
                Map.of("POST /v1/orders", 3, "GET /v1/orders/{orderId}", 1), Set.of("POST /v1/orders"));

        assertThat(verdict.gaps()).singleElement().asString().startsWith("GET /v1/orders/{orderId}: ");
    }

    @Test
    void aPartOfTheSuiteNeedsNoSuccessFromEveryOperation() {
        RecordCoverage.Verdict verdict = RecordCoverage.of(Set.of("OrderTest"), Set.of("CatalogTest"), OPERATIONS,
                Map.of("POST /v1/orders", 3), Set.of("POST /v1/orders"));

        assertThat(verdict.gaps()).isEmpty();
    }

    @Test
    void theWholeSuiteWithEveryOperationSucceedingOnceHasNoGap() {
        RecordCoverage.Verdict verdict = RecordCoverage.of(Set.of("OrderTest"), Set.of(), OPERATIONS,
                Map.of("POST /v1/orders", 3, "GET /v1/orders/{orderId}", 1), Set.copyOf(OPERATIONS));

        assertThat(verdict.gaps()).isEmpty();
    }
}
