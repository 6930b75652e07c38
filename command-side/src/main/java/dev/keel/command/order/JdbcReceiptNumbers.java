package dev.keel.command.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A counter row per year, counted up in the command's transaction: the row stays locked until the
 * batch commits, so two captures never take one number, and a rolled-back one takes none. Not a
 * sequence: PostgreSQL sequences never give a number back, which leaves gaps.
 */
@Component
class JdbcReceiptNumbers implements ReceiptNumbers {

    private final JdbcClient jdbc;

    JdbcReceiptNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String next(Instant at) {
        int year = at.atZone(ZoneOffset.UTC).getYear();
        long number = jdbc.sql("""
                        INSERT INTO receipt_counter (year, last_number) VALUES (?, 1)
                        ON CONFLICT (year) DO UPDATE SET last_number = receipt_counter.last_number + 1
                        RETURNING last_number""")
                .param(year).query(Long.class).single();
        return "%d-%06d".formatted(year, number);
    }
}
