/**
 * The data subject's rights of access (GDPR articles 15 and 20): everything Keel holds about a
 * person as one JSON document, and their consent ledger; for the person, and for COMPLIANCE on their
 * behalf. On the query side, which reads the read models; the event history comes from the event
 * store, which every node has.
 */
package dev.keel.query.privacy;
