/**
 * Group commit: commands sent at the same time share one database transaction and one fsync, each in
 * its own savepoint, and are acknowledged only once that transaction has committed.
 */
package dev.keel.command.bus;
