/** An aggregate's history from the event store, and its state as of a past moment, for compliance. */
package dev.keel.app.history;
