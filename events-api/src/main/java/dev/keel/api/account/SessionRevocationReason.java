package dev.keel.api.account;

/** Why a session ended before it expired. */
public enum SessionRevocationReason {
    /** The user logged out on that device. */
    LOGGED_OUT,
    /** The user revoked it from another session. */
    REVOKED_BY_USER,
    /** The user signed out everywhere. */
    SIGNED_OUT_EVERYWHERE,
    /** The password was changed from another session. */
    PASSWORD_CHANGED,
    /** The password was reset by email. */
    PASSWORD_RESET,
    /** A refresh token that had already been rotated was presented again: likely stolen. */
    REFRESH_TOKEN_REUSED,
    /** The account's personal data was erased: nobody signs in to it again. */
    ACCOUNT_ERASED
}
