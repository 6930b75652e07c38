/**
 * The HTTP conventions every module's endpoints share, so that they answer alike: problem types,
 * versions as entity tags, the account a token speaks for, and how an operation says it is public.
 * Depends on events-api and Spring only; command-side and query-side use it, never each other.
 */
package dev.keel.web;
