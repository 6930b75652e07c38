/**
 * The data subject's rights of access (GDPR articles 15 and 20): everything Keel holds about a
 * person as one JSON document, and their consent ledger; for the person, and for COMPLIANCE on their
 * behalf. Read here because only this module sees both the read models and the event store.
 */
package dev.keel.app.subjectaccess;
