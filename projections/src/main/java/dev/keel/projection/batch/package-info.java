/**
 * Projection writes buffered for the whole event batch and sent at its commit: JDBC batches, change
 * logs numbered in commit order, and Elasticsearch documents merged in one {@code _mget} and one
 * {@code _bulk} request, instead of one round trip per event.
 */
package dev.keel.projection.batch;
