/**
 * Orders' write side: the Order aggregate and its lifecycle, checkout (pricing, promotions, stock
 * reservation in the command's transaction), quotes, and the endpoints for customers and STAFF.
 */
package dev.keel.command.order;
