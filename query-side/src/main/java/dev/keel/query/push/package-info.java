/** The in-app inbox of notifications, read from the projections' {@code notification} table. */
package dev.keel.query.push;
