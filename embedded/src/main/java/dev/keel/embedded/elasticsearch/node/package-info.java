/** Runs inside the child JVM: builds the Elasticsearch node from class path jars and serves it until stdin closes. */
package dev.keel.embedded.elasticsearch.node;
