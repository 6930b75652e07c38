package dev.keel.query.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.AccountView;
import dev.keel.api.account.FindAccount;
import dev.keel.api.account.FindSessions;
import dev.keel.api.account.SessionList;
import dev.keel.api.push.FindNotificationPreferences;
import dev.keel.api.push.NotificationPreferencesView;
import dev.keel.query.Queries;
import dev.keel.web.ETags;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Problems;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in account, as the read model has it (a few milliseconds behind a change). The account
 * id comes from the token only, so nobody can ask for another account's data here.
 */
@RestController
@RequestMapping("/v1/me")
@Tag(name = "Me")
class MeQueryController {

    private final Queries queries;

    MeQueryController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "My account: email, display name, verification, roles, devices for push; the ETag is its version")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @ProblemResponse(status = HttpStatus.NOT_FOUND, type = "not-found",
            description = "the account is not in the read model yet (just registered): ask again shortly")
    @GetMapping
    Mono<ResponseEntity<AccountView>> findMyAccount(@AuthenticationPrincipal Jwt jwt) {
        AccountId accountId = Me.of(jwt).accountId();
        return queries.one(new FindAccount(accountId), AccountView.class)
                .map(account -> ResponseEntity.ok().eTag(ETags.of(account.version())).body(account))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No account " + accountId + " (yet)")));
    }

    @Operation(summary = "Whether each notification category is pushed to my devices (the inbox has them all)")
    @GetMapping("/notification-preferences")
    Mono<NotificationPreferencesView> findMyNotificationPreferences(@AuthenticationPrincipal Jwt jwt) {
        return queries.one(new FindNotificationPreferences(Me.of(jwt).accountId()), NotificationPreferencesView.class);
    }

    @Operation(summary = "My live sessions, newest first")
    @GetMapping("/sessions")
    Mono<SessionList> findMySessions(@AuthenticationPrincipal Jwt jwt) {
        return queries.one(new FindSessions(Me.of(jwt).accountId()), SessionList.class);
    }
}
