package dev.keel.command.firebase;

import com.google.firebase.FirebaseApp;
import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import dev.keel.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Firebase Admin SDK's own verification: RS256 signature against Google's published
 * certificates, audience and issuer of our project, expiry and issue time, and then whether the
 * user's tokens were revoked since (or the user disabled or deleted), which the SDK asks Identity
 * Toolkit on every call. A signed-out or blocked Firebase user must not get a Keel session from a
 * token that has up to an hour left.
 */
class FirebaseAdminIdTokens implements FirebaseIdTokens, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FirebaseAdminIdTokens.class);

    /** What is wrong with the token or its user; anything else is Keel failing to ask Google. */
    private static final Set<AuthErrorCode> REFUSED = EnumSet.of(AuthErrorCode.EXPIRED_ID_TOKEN,
            AuthErrorCode.INVALID_ID_TOKEN, AuthErrorCode.REVOKED_ID_TOKEN, AuthErrorCode.USER_DISABLED,
            AuthErrorCode.USER_NOT_FOUND, AuthErrorCode.TENANT_ID_MISMATCH);

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
            FirebaseToken token = auth.verifyIdToken(idToken, true);
            return new FirebaseIdentity(token.getUid(), token.getEmail(), token.isEmailVerified(), token.getName());
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        } catch (FirebaseAuthException e) {
            if (e.getAuthErrorCode() != null && REFUSED.contains(e.getAuthErrorCode())) {
                throw refused(e.getAuthErrorCode() + ": " + e.getMessage());
            }
            log.warn("Could not check a Firebase ID token with Google ({} {}): {}", e.getErrorCode(),
                    e.getAuthErrorCode(), e.getMessage());
            throw Problems.error(HttpStatus.SERVICE_UNAVAILABLE, "firebase-unavailable",
                    "Sign-in with Firebase cannot be checked with Google right now; try again later");
        }
    }

    private static RuntimeException refused(String why) {
        log.info("Refused a Firebase ID token: {}", why);
        return Problems.error(HttpStatus.UNAUTHORIZED, "invalid-firebase-token",
                "The Firebase ID token is invalid, expired, revoked or for another project");
    }
}
