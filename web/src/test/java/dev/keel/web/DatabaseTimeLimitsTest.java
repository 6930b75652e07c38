package dev.keel.web;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTimeLimitsTest {

    @Test
    void aStatementCancelledAtALockOrStatementTimeoutIsAnOverloadWithRetryAfter() {
        for (String state : new String[]{"55P03", "57014"}) {
            Throwable wrapped = new IllegalStateException("append failed", new SQLException("canceling statement", state));

            assertThat(DatabaseTimeLimits.asOverload(wrapped)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                assertThat(e.getStatusCode().value()).isEqualTo(503);
                assertThat(e.getBody().getType().toString()).isEqualTo("/problems/overloaded");
                assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            });
        }
    }

    @Test
    void anyOtherFailureStaysAsItWas() {
        Throwable duplicate = new IllegalStateException(new SQLException("duplicate key", "23505"));
        assertThat(DatabaseTimeLimits.asOverload(duplicate)).isSameAs(duplicate);
    }
}
