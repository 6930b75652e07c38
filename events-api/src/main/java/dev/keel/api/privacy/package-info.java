/**
 * Crypto-shredding markers: which event fields are personal data and whose. Stored events keep
 * those fields encrypted with a per-person key; deleting the key erases the person from history.
 */
package dev.keel.api.privacy;
