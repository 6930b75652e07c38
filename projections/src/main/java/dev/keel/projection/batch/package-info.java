/**
 * Projection writes buffered for the whole event batch and sent at its commit: JDBC batches and
 * Elasticsearch {@code _bulk} requests instead of one round trip per event.
 */
package dev.keel.projection.batch;
