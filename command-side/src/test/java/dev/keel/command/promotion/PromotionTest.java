package dev.keel.command.promotion;

import dev.keel.api.money.Money;
import dev.keel.api.promotion.CreatePromotion;
import dev.keel.api.promotion.PromotionCreated;
import dev.keel.api.promotion.PromotionId;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.claim.UniqueClaims;
import dev.keel.command.rejection.CommandRejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");

    private final PromotionId promotionId = PromotionId.random();
    private final Map<String, String> claimed = new HashMap<>();
    private final InMemoryPromotionBook book = new InMemoryPromotionBook();
    private AggregateTestFixture<Promotion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Promotion.class);
        UniqueClaims claims = (scope, value, owner) -> claimed.computeIfAbsent(scope + ":" + value, k -> owner).equals(owner);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(book);
    }

    @Test
    void createsACodePromotionUnderItsUpperCaseCodeForOrdersToFind() {
        fixture.givenNoPriorActivity()
                .when(new CreatePromotion(promotionId, "spring10", PromotionKind.PERCENT, 10, null, FROM, UNTIL,
                        Money.of(2_000, "EUR"), 1, 100, false))
                .expectEvents(new PromotionCreated(promotionId, "SPRING10", PromotionKind.PERCENT, 10, null, FROM, UNTIL,
                        Money.of(2_000, "EUR"), 1, 100, false));
        assertThat(claimed).containsEntry(Promotion.CODE_SCOPE + ":SPRING10", promotionId.toString());
        assertThat(book.findByCode("Spring10")).map(PromotionTerms::promotionId).contains(promotionId);
    }

    @Test
    void anAutomaticPromotionNeedsNoCode() {
        fixture.givenNoPriorActivity()
                .when(new CreatePromotion(promotionId, null, PromotionKind.AMOUNT, 500, "EUR", null, null, null, null,
                        null, true))
                .expectSuccessfulHandlerExecution();
        assertThat(book.automaticAt(FROM)).extracting(PromotionTerms::promotionId).containsExactly(promotionId);
    }

    @Test
    void aCodeAnotherPromotionHoldsIsRefusedWhateverItsCase() {
        claimed.put(Promotion.CODE_SCOPE + ":SPRING10", PromotionId.random().toString());
        fixture.givenNoPriorActivity()
                .when(new CreatePromotion(promotionId, "Spring10", PromotionKind.PERCENT, 10, null, null, null, null,
                        null, null, false))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Promotion code SPRING10 belongs to another promotion")
                .expectNoEvents();
    }

    @Test
    void termsThatDoNotFitTogetherAreRefusedNamingEachField() {
        fixture.givenNoPriorActivity()
                .when(new CreatePromotion(promotionId, null, PromotionKind.PERCENT, 150, "EUR", UNTIL, FROM, null, null,
                        null, false))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Invalid field(s): code, value, currency, validUntil")
                .expectNoEvents();
    }

    @Test
    void anAmountNeedsItsCurrencyAndAMinimumInTheSameOne() {
        fixture.givenNoPriorActivity()
                .when(new CreatePromotion(promotionId, "TENOFF", PromotionKind.AMOUNT, 1_000, null, null, null,
                        Money.of(5_000, "USD"), null, null, false))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Invalid field(s): currency")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreatePromotion(promotionId, "TENOFF", PromotionKind.AMOUNT, 1_000, "EUR", null, null,
                        Money.of(5_000, "USD"), null, null, false))
                .expectException(CommandRejected.class)
                .expectExceptionMessage("Invalid field(s): minimumOrder.currency")
                .expectNoEvents();
        assertThat(book.findByCode("TENOFF")).isEmpty();
        assertThat(List.copyOf(claimed.keySet())).isEmpty();
    }
}
