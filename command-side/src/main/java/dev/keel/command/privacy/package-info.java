/**
 * Data protection on the write side: erasure ({@code DELETE /v1/me}, and by COMPLIANCE), consent
 * given and withdrawn, and the erasure of accounts dormant for longer than the retention.
 */
package dev.keel.command.privacy;
