/**
 * Passwords: Argon2id hashing, what a new password must be, the credential store, changing one's
 * password and resetting a forgotten one with a mailed link.
 */
package dev.keel.command.password;
