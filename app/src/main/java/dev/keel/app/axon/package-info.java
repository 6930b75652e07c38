/** Axon Framework wiring: transactions, serializer, table names and event processor defaults. */
package dev.keel.app.axon;
