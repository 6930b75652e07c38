package dev.keel.command.promotion;

import dev.keel.api.promotion.CreatePromotion;
import dev.keel.api.promotion.PromotionId;
import dev.keel.api.promotion.PromotionKind;
import dev.keel.command.request.CommandSender;
import dev.keel.command.request.CurrencyCode;
import dev.keel.command.request.MoneyInput;
import dev.keel.web.ETags;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Locale;

@RestController
@RequestMapping("/v1/promotions")
@Tag(name = "Promotions")
@PreAuthorize("hasRole('STAFF')")
class PromotionController {

    private final CommandSender commands;

    PromotionController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * @param value     percent off (1-100) for PERCENT, minor units off for AMOUNT
     * @param currency  the currency of an AMOUNT promotion's value; none for PERCENT
     * @param automatic applies to orders that name no code; {@code false} when left out
     */
    record PromotionRequest(
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{2,31}") @Nullable String code,
            @NotNull PromotionKind kind,
            @NotNull @Min(1) @Max(1_000_000_000_000L) Long value,
            @Pattern(regexp = "[A-Z]{3}") @CurrencyCode @Nullable String currency,
            @Nullable Instant validFrom,
            @Nullable Instant validUntil,
            @Valid @Nullable MoneyInput minimumOrder,
            @Min(1) @Max(1_000_000) @Nullable Integer perCustomerLimit,
            @Min(1) @Max(1_000_000_000) @Nullable Integer totalLimit,
            @Nullable Boolean automatic) {
    }

    /** The new promotion's id and its code as stored (upper case). */
    record CreatedPromotion(PromotionId promotionId, @Nullable String code) {
    }

    @Operation(summary = "Create a promotion (STAFF): a percentage or an amount off, by code or automatic")
    @SuccessResponse(status = HttpStatus.CREATED, headers = HttpHeaders.ETAG,
            description = "Created; there is no endpoint to read a promotion back, so no Location")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "promotion-code-in-use",
            description = "another promotion has this code")
    @PostMapping
    Mono<ResponseEntity<CreatedPromotion>> createPromotion(@Valid @RequestBody PromotionRequest request,
                                                  @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                  ServerWebExchange exchange) {
        String code = request.code() == null ? null : request.code().toUpperCase(Locale.ROOT);
        return commands.<PromotionId>create(exchange, request, id -> new CreatePromotion(new PromotionId(id),
                        request.code(), request.kind(), request.value(), request.currency(), request.validFrom(),
                        request.validUntil(), request.minimumOrder() == null ? null : request.minimumOrder().toMoney(),
                        request.perCustomerLimit(), request.totalLimit(), Boolean.TRUE.equals(request.automatic())))
                .map(id -> ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(0))
                        .body(new CreatedPromotion(id, code)));
    }
}
