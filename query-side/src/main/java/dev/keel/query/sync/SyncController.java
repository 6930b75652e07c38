package dev.keel.query.sync;

import dev.keel.web.Me;
import dev.keel.web.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/v1/sync")
@Tag(name = "Sync")
class SyncController {

    private final Sync sync;

    SyncController(Sync sync) {
        this.sync = sync;
    }

    @Operation(summary = "What changed for me since a position: my orders and the catalog's products, as they are "
            + "now, a page at a time; pass the answer's position as since until more is false")
    @ProblemResponse(status = HttpStatus.FORBIDDEN, type = "not-an-account",
            description = "the token is valid but speaks for no account")
    @GetMapping
    Mono<SyncPage> syncChanges(@Parameter(description = "0 the first time; then the last answer's position, or a stream event's id")
                         @RequestParam long since,
                         @Parameter(description = "most changes to read for this page")
                         @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                         JwtAuthenticationToken caller) {
        var me = Me.of(caller.getToken());
        return Mono.fromCallable(() -> sync.since(me.accountId(), since, limit)).subscribeOn(Schedulers.boundedElastic());
    }
}
