/** Signing up: a new account with a password, and proving its email address with the mailed link. */
package dev.keel.command.registration;
