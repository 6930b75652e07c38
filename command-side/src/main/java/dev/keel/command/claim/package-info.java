/** Set-wide uniqueness (one SKU, one email) enforced in the command's own transaction. */
package dev.keel.command.claim;
