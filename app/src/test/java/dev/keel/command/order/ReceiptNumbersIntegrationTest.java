package dev.keel.command.order;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipt numbers on the real counter row: a transaction that rolls back gives its number back. */
class ReceiptNumbersIntegrationTest extends KeelIntegrationTest {

    private static final Instant FAR_YEAR = Instant.parse("2999-06-01T00:00:00Z");

    @Autowired
    ReceiptNumbers receipts;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRolledBackNumberIsTheNextOneGivenSoNoneIsMissing() {
        String rolledBack = transactions.execute(status -> {
            status.setRollbackOnly();
            return receipts.next(FAR_YEAR);
        });
        String kept = transactions.execute(status -> receipts.next(FAR_YEAR));
        String next = transactions.execute(status -> receipts.next(FAR_YEAR));

        assertThat(kept).isEqualTo(rolledBack).startsWith("2999-");
        assertThat(Long.parseLong(next.substring(5))).isEqualTo(Long.parseLong(kept.substring(5)) + 1);
        assertThat(receipts.next(Instant.parse("2998-12-31T23:59:59Z"))).startsWith("2998-");
    }
}
