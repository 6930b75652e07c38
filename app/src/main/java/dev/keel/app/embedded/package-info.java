/** Starts the embedded PostgreSQL and Elasticsearch when no external ones are configured. */
package dev.keel.app.embedded;
