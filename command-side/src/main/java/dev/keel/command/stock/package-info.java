/**
 * What can be sold and how much of it: one row per product with its price, stock and reservations,
 * written by product commands and changed by order commands in the command's own transaction.
 */
package dev.keel.command.stock;
