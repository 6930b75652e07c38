/**
 * Offline sync: what changed for me since a position (my orders, the catalog's products), a page at
 * a time, as current states an app stores over its own copies.
 */
package dev.keel.query.sync;
