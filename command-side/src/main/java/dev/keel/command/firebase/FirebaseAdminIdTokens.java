package dev.keel.command.firebase;

import com.google.firebase.FirebaseApp;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import dev.keel.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The Firebase Admin SDK's own verification: RS256 signature against Google's published
 * certificates, audience and issuer of our project, expiry and issue time.
 */
class FirebaseAdminIdTokens implements FirebaseIdTokens, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FirebaseAdminIdTokens.class);

    private final FirebaseApp app;
    private final FirebaseAuth auth;

    FirebaseAdminIdTokens(FirebaseApp app) {
        this.app = app;
        this.auth = FirebaseAuth.getInstance(app);
    }

    /** Releases the SDK's app with the context, so a later context can make its own. */
    @Override
    public void close() {
        app.delete();
    }

    @Override
    public FirebaseIdentity verify(String idToken) {
        try {
            FirebaseToken token = auth.verifyIdToken(idToken);
            return new FirebaseIdentity(token.getUid(), token.getEmail(), token.isEmailVerified(), token.getName());
        } catch (FirebaseAuthException | IllegalArgumentException e) {
            log.info("Refused a Firebase ID token: {}", e.getMessage());
            throw Problems.error(HttpStatus.UNAUTHORIZED, "invalid-firebase-token",
                    "The Firebase ID token is invalid, expired or for another project");
        }
    }
}
