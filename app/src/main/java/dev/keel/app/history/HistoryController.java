package dev.keel.app.history;

import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;

/** "What did this order look like when the customer complained?", answered from the event store. */
@RestController
@RequestMapping("/v1/history")
@Tag(name = "Audit")
@PreAuthorize("hasRole('COMPLIANCE')")
@ConditionalOnNodeRole(NodeRole.COMMAND)
class HistoryController {

    private final Histories histories;

    HistoryController(Histories histories) {
        this.histories = histories;
    }

    @Operation(summary = "COMPLIANCE: an aggregate's events with their metadata, and its state as of a moment",
            description = "aggregateType is the aggregate's name: Account, Product, Order, ... With `at` (a moment) or "
                    + "`position` (an event store position), only the events up to it, and the state they made.")
    @GetMapping("/{aggregateType}/{aggregateId}")
    Mono<AggregateHistory> findAggregateHistory(
            @PathVariable @Size(max = 100) String aggregateType,
            @PathVariable @Size(max = 255) String aggregateId,
            @Parameter(description = "the state as of this moment (inclusive)") @RequestParam(required = false) Instant at,
            @Parameter(description = "the state as of this event store position (inclusive)")
            @RequestParam(required = false) @Min(0) Long position) {
        return Mono.fromCallable(() -> histories.of(aggregateType, aggregateId, at, position))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
