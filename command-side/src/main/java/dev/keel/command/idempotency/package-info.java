/**
 * Retries are safe: a command sent again under the same {@code Idempotency-Key} by the same actor
 * returns the first result and appends nothing; the record is written in the command's transaction.
 */
package dev.keel.command.idempotency;
