package dev.keel.command.firebase;

import dev.keel.command.session.TokenResponse;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Signing in with Firebase; like a login, it takes no Idempotency-Key (each call starts a session). */
@RestController
@Tag(name = "Sessions")
class FirebaseSignInController {

    private final FirebaseSignIn firebase;

    FirebaseSignInController(FirebaseSignIn firebase) {
        this.firebase = firebase;
    }

    record FirebaseSignInRequest(@NotBlank @Size(max = 8192) String idToken, @NotBlank @Size(max = 128) String deviceId) {
    }

    @Operation(summary = "Sign in with a Firebase ID token", description = "Creates the account on first use, or"
            + " links it to an existing account with the same (Firebase-verified) email.")
    @Public
    @ProblemResponse(status = HttpStatus.UNAUTHORIZED, type = "invalid-firebase-token",
            description = "the ID token is not valid for Keel's Firebase project")
    @ProblemResponse(status = HttpStatus.FORBIDDEN, type = "email-not-verified",
            description = "Firebase has not verified the caller's email, or the Keel account with that email never"
                    + " proved it (as for a password login)")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "firebase-user-linked-elsewhere",
            description = "the account with this email is linked to another Firebase user")
    @ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "firebase-email-missing",
            description = "the Firebase user has no email address")
    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "firebase-not-configured",
            description = "this Keel has no Firebase project")
    @ProblemResponse(status = HttpStatus.SERVICE_UNAVAILABLE, type = "firebase-unavailable",
            description = "Firebase could not be asked whether the ID token is valid; try again later")
    @PostMapping("/v1/sessions/firebase")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TokenResponse> signInWithFirebase(@Valid @RequestBody FirebaseSignInRequest request, ServerWebExchange exchange) {
        return firebase.signIn(exchange, request.idToken(), request.deviceId());
    }
}
