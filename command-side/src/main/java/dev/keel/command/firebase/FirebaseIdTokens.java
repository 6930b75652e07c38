package dev.keel.command.firebase;

import dev.keel.web.Problems;
import org.springframework.http.HttpStatus;

/** Verifies Firebase ID tokens (a blocking call: the public keys may be fetched). */
interface FirebaseIdTokens {

    /** When no Firebase project is configured: every sign-in is refused, saying so. */
    FirebaseIdTokens NOT_CONFIGURED = idToken -> {
        throw Problems.error(HttpStatus.SERVICE_UNAVAILABLE, "firebase-not-configured",
                "Sign-in with Firebase is not set up on this server (KEEL_FIREBASE_PROJECT_ID)");
    };

    /**
     * @throws org.springframework.web.ErrorResponseException 401 {@code invalid-firebase-token} for a token
     *                                                        that is expired, for another project, tampered
     *                                                        with or not signed by Firebase
     */
    FirebaseIdentity verify(String idToken);
}
