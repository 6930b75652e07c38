package dev.keel.command.promotion;

/** What came of asking for one use of a promotion for one customer. */
public enum UseOutcome {
    /** The order may use it. */
    TAKEN,
    /** Its total limit is reached. */
    USED_UP,
    /** This customer has used it as often as they may. */
    CUSTOMER_LIMIT_REACHED
}
