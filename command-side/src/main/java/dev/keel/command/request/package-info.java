/**
 * Sending a command on behalf of an HTTP request: who asked, from where, under which idempotency
 * key; and turning refusals into problem details.
 */
package dev.keel.command.request;
