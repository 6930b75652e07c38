package dev.keel.command.push;

import dev.keel.api.privacy.ConsentPurpose;
import dev.keel.api.push.ChangeNotificationPreference;
import dev.keel.api.push.NotificationCategory;
import dev.keel.command.account.GiveConsent;
import dev.keel.command.account.WithdrawConsent;
import dev.keel.command.request.CommandSender;
import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Problems;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Push on or off per category. Marketing is consent: turning it on records {@code ConsentGiven} for
 * {@code MARKETING_PUSH} under the notice shown, so it is in the consent ledger with who, when and where.
 */
@RestController
@RequestMapping("/v1/me/notification-preferences/{category}")
@Tag(name = "Push")
@ProblemResponse(status = HttpStatus.GONE, type = "account-erased", description = "the account was erased")
class NotificationPreferenceController {

    private final CommandSender commands;

    NotificationPreferenceController(CommandSender commands) {
        this.commands = commands;
    }

    /** @param noticeVersion required to turn MARKETING on: the wording of the notice the person agreed to */
    record Preference(@NotNull Boolean push,
                      @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7e]+") @Nullable String noticeVersion) {
    }

    @Operation(summary = "Turn push on or off for a category; MARKETING on is consent and needs noticeVersion",
            description = "Notifications of every category stay in the in-app inbox whatever is chosen here.")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Recorded (or so already)")
    @PutMapping
    Mono<ResponseEntity<Void>> changeNotificationPreference(@PathVariable NotificationCategory category,
                                                            @Valid @RequestBody Preference preference,
                                                            @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                            @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        var me = Me.of(jwt).accountId();
        Object command;
        if (category != NotificationCategory.MARKETING) {
            command = new ChangeNotificationPreference(me, category, preference.push());
        } else if (!preference.push()) {
            command = new WithdrawConsent(me, ConsentPurpose.MARKETING_PUSH);
        } else if (preference.noticeVersion() == null) {
            throw Problems.invalid("validation-failed", "noticeVersion",
                    "Marketing pushes need explicit consent: send the noticeVersion the person agreed to");
        } else {
            command = new GiveConsent(me, ConsentPurpose.MARKETING_PUSH, preference.noticeVersion());
        }
        return commands.send(exchange, preference, command).thenReturn(ResponseEntity.noContent().build());
    }
}
