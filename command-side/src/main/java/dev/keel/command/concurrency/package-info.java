/**
 * Several command nodes on one event store: cached aggregates checked against the store, and
 * conflicts the client did not cause retried on the server before a 409.
 */
package dev.keel.command.concurrency;
