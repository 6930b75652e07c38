/**
 * Identity on the write side: the Account aggregate (registration, email verification, logins and
 * lockouts, sessions with rotating refresh tokens, passwords, profile, roles) and the endpoints that
 * drive it. Credentials and refresh tokens live in their own tables, written in the command's
 * transaction; events never hold a password, a hash or a token.
 */
package dev.keel.command.account;
