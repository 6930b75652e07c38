package dev.keel.app.axon;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void aUniqueViolationAnywhereInTheCausesIsADuplicateKey() {
        var batch = new SQLException("Batch entry 0 INSERT INTO domain_event_entry was aborted", "23505");
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("append failed", batch))).isTrue();
    }

    @Test
    void aBatchWhoseStatementHitTheUniqueKeyIsADuplicateKey() {
        var batch = new java.sql.BatchUpdateException("Batch entry 0 was aborted", "25P02", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null violation", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
