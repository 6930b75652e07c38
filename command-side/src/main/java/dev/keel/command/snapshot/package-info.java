/**
 * Snapshots: an aggregate whose stream grew long is loaded from its latest snapshot and the events
 * after it, so the cost of a command does not grow with the aggregate's history.
 */
package dev.keel.command.snapshot;
