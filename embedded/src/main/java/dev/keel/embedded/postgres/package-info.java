/** A real PostgreSQL server started by Keel itself, for the local default and tests, whether run as root or not. */
package dev.keel.embedded.postgres;
