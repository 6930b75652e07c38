/** JWT resource-server security: Keel's own signing keys, roles, and problem+json for 401/403. */
package dev.keel.app.security;
