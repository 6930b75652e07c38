package dev.keel.query.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.web.Me;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * Access to one's own data, and COMPLIANCE's access on a person's behalf. Reads block (JDBC and the
 * event store), so they run off the event loop.
 */
@RestController
@Tag(name = "Privacy")
class SubjectAccessController {

    private final PersonalDataExport export;
    private final ConsentLedger consents;

    SubjectAccessController(PersonalDataExport export, ConsentLedger consents) {
        this.export = export;
        this.consents = consents;
    }

    @Operation(summary = "Everything Keel holds about me, as one JSON document to download: my account, sessions,"
            + " orders, consents and the decrypted history of my account and orders")
    @SuccessResponse(headers = HttpHeaders.CONTENT_DISPOSITION)
    @GetMapping("/v1/me/export")
    Mono<ResponseEntity<PersonalDataExport.Document>> exportMyData(@AuthenticationPrincipal Jwt jwt) {
        return download(Me.of(jwt).accountId());
    }

    @Operation(summary = "Everything Keel holds about a person (COMPLIANCE, on their request), as GET /v1/me/export")
    @SuccessResponse(headers = HttpHeaders.CONTENT_DISPOSITION)
    @PreAuthorize("hasRole('COMPLIANCE')")
    @GetMapping("/v1/accounts/{accountId}/export")
    Mono<ResponseEntity<PersonalDataExport.Document>> exportAccountData(@PathVariable AccountId accountId) {
        return download(accountId);
    }

    @Operation(summary = "My consent ledger: each purpose's current consent and every change, oldest first")
    @GetMapping("/v1/me/consents")
    Mono<ConsentLedger.Ledger> findMyConsents(@AuthenticationPrincipal Jwt jwt) {
        AccountId accountId = Me.of(jwt).accountId();
        return blocking(() -> consents.of(accountId));
    }

    @Operation(summary = "A person's consent ledger (COMPLIANCE), as GET /v1/me/consents")
    @PreAuthorize("hasRole('COMPLIANCE')")
    @GetMapping("/v1/accounts/{accountId}/consents")
    Mono<ConsentLedger.Ledger> findAccountConsents(@PathVariable AccountId accountId) {
        return blocking(() -> consents.of(accountId));
    }

    private Mono<ResponseEntity<PersonalDataExport.Document>> download(AccountId accountId) {
        return blocking(() -> export.of(accountId)).map(document -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"keel-" + accountId + ".json\"")
                .body(document));
    }

    private static <T> Mono<T> blocking(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }
}
