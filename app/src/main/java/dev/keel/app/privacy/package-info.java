/**
 * Crypto-shredding: personal fields of events are encrypted in the event serializer with a data key
 * per person, wrapped by the master key; deleting a person's key erases them from history.
 */
package dev.keel.app.privacy;
