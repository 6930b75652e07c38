/** Starts a real Elasticsearch node in a child JVM, for the local default and for tests; no Elasticsearch class is loaded here. */
package dev.keel.embedded.elasticsearch;
