/**
 * The Account aggregate: who a person is, how they prove it, and their sessions; its commands, the
 * policies it decides logins and refreshes with, and the small stores it writes in the command's
 * transaction (credentials, refresh tokens). Commands stay in command-side, unlike events, because
 * several carry password or token hashes (their {@code toString} never shows them); events never do.
 * Registration, sessions, passwords and Firebase sign-in drive it from their own packages.
 */
package dev.keel.command.account;
