/**
 * Keel's contract: the commands, events, queries and views that the command side, the projections
 * and the query side exchange. Plain Java records; no Spring.
 */
package dev.keel.api;
