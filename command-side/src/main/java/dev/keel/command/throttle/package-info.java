/**
 * Brute-force limits outside the aggregate: failed logins, password checks and reset requests per
 * client IP, in this node's memory, and the 429 answer with {@code Retry-After}.
 */
package dev.keel.command.throttle;
