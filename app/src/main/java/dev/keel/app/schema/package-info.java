/**
 * The database schema: every module's Flyway migrations, each module with a history of its own, run
 * at start on every node.
 */
package dev.keel.app.schema;
