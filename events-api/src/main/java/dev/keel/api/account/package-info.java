/**
 * Accounts and their sessions: registration, email verification, logins and lockouts, session
 * rotation and revocation, passwords, profile and roles. Personal fields are marked for
 * crypto-shredding ({@link dev.keel.api.privacy}); no password, hash or token is ever in an event.
 */
package dev.keel.api.account;
