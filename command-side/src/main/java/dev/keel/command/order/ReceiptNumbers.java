package dev.keel.command.order;

import java.time.Instant;

/**
 * Receipt numbers without gaps per year ({@code 2026-000001}, {@code 2026-000002}, …): the next one is
 * taken in the command's transaction, so a command that rolls back gives it back.
 */
public interface ReceiptNumbers {

    /** @return the next number of the year {@code at} falls in (UTC) */
    String next(Instant at);
}
