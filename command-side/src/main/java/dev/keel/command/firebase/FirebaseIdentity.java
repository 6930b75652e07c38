package dev.keel.command.firebase;

/** Who a verified Firebase ID token says the user is. {@code email} may be {@code null}. */
record FirebaseIdentity(String uid, String email, boolean emailVerified, String name) {
}
