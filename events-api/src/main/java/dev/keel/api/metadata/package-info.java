/** The metadata every command and event carries, for the audit trail and compliance replay. */
package dev.keel.api.metadata;
