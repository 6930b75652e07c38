package dev.keel.api.account;

/** How someone proved who they are. */
public enum SignInMethod {
    /** Email and password. */
    PASSWORD,
    /** A Firebase ID token. */
    FIREBASE
}
