/** {@code keel.roles} picks which modules a node runs: command, projections, query, or any mix. */
package dev.keel.app.roles;
