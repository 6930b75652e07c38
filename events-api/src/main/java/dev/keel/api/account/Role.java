package dev.keel.api.account;

/** What an account may do. Every account is a CUSTOMER; STAFF grant the others. */
public enum Role {
    /** Uses the shop: own data only. */
    CUSTOMER,
    /** Runs the shop: catalog, accounts, role grants. */
    STAFF,
    /** Audit history, replay and data-subject requests. */
    COMPLIANCE,
    /** Search indexes and aggregations. */
    ANALYST
}
