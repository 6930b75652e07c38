/**
 * Reading the change logs the projections write ({@code order_change}, {@code catalog_change}):
 * where a client's position falls in them, and what came after it. Shared by live updates and sync.
 */
package dev.keel.query.changes;
