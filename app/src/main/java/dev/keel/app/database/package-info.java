/**
 * The app's database connections: how long a statement may run and wait for a lock, and
 * connections without those limits for the work that is long by nature (migrations).
 */
package dev.keel.app.database;
