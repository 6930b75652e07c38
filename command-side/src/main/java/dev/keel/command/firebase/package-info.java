/**
 * Signing in with Firebase: the Admin SDK verifies the ID token and checks it was not revoked, and the
 * Firebase user's account is found, linked (only to an account whose address was proven) or created.
 */
package dev.keel.command.firebase;
