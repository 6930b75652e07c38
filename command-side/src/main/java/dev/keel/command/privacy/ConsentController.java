package dev.keel.command.privacy;

import dev.keel.api.privacy.ConsentPurpose;
import dev.keel.command.account.GiveConsent;
import dev.keel.command.account.WithdrawConsent;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The signed-in person giving and withdrawing consent; the ledger is read at {@code GET /v1/me/consents}. */
@RestController
@RequestMapping("/v1/me/consents/{purpose}")
@Tag(name = "Privacy")
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class ConsentController {

    private final CommandSender commands;

    ConsentController(CommandSender commands) {
        this.commands = commands;
    }

    /** @param noticeVersion the app's name for the wording the person was shown and agreed to */
    record Consent(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7e]+") String noticeVersion) {
    }

    @Operation(summary = "Consent to a purpose under the notice shown; giving it again under the same notice"
            + " changes nothing")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Recorded (or recorded already)")
    @PutMapping
    Mono<ResponseEntity<Void>> giveConsent(@PathVariable ConsentPurpose purpose, @Valid @RequestBody Consent consent,
                                           @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                           @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new GiveConsent(Me.of(jwt).accountId(), purpose, consent.noticeVersion());
        return commands.send(exchange, consent, command).thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Withdraw my consent to a purpose; withdrawing one never given changes nothing")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Withdrawn (or never given)")
    @DeleteMapping
    Mono<ResponseEntity<Void>> withdrawConsent(@PathVariable ConsentPurpose purpose,
                                               @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                               @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var command = new WithdrawConsent(Me.of(jwt).accountId(), purpose);
        return commands.send(exchange, null, command).thenReturn(ResponseEntity.noContent().build());
    }
}
