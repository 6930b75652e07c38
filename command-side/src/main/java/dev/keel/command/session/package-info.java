/**
 * Sessions: logging in with a password, refreshing (rotating refresh tokens), signing out, and the
 * access tokens they hand out.
 */
package dev.keel.command.session;
