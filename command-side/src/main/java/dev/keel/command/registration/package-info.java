/**
 * Signing up: a new account with a password, and proving its email address with the mailed link and
 * that password, which signs in. Until then the account cannot sign in at all.
 */
package dev.keel.command.registration;
