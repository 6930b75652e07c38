/** Reading the catalog: one product from PostgreSQL, full-text search from Elasticsearch. Public. */
package dev.keel.query.catalog;
