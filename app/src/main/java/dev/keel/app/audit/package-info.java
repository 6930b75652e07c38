/** The tamper-evident audit trail: one hash-chained record per stored event, its search, export and verification. */
package dev.keel.app.audit;
