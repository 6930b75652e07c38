/** Event handlers that build read models in PostgreSQL and search indexes in Elasticsearch. */
package dev.keel.projection;
