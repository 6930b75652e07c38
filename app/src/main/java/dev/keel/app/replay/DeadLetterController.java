package dev.keel.app.replay;

import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Problems;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.UUID;

/** Parked events of processing groups with a dead-letter queue (push), and retrying them. */
@RestController
@RequestMapping("/v1/admin/projections/{name}/dead-letters")
@Tag(name = "Operations")
@PreAuthorize("hasRole('STAFF')")
@ConditionalOnNodeRole(NodeRole.PROJECTIONS)
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "STAFF: the events a processing group parked, per sequence, with why")
    @GetMapping
    Mono<List<DeadLetterView>> listDeadLetters(@PathVariable String name) {
        return Mono.fromCallable(() -> deadLetters.list(name)).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "STAFF: handle a parked event's sequence again, now",
            description = "Runs the group's handler for the sequence holding the event, from its first letter;"
                    + " for push, devices reached before are not pushed again.")
    @SuccessResponse(status = HttpStatus.NO_CONTENT, description = "Handled: the sequence left the queue")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "dead-letter-failed-again",
            description = "it failed again and stays parked; the list says why")
    @PostMapping("/{eventId}/retry")
    Mono<ResponseEntity<Void>> retryDeadLetter(@PathVariable String name, @PathVariable UUID eventId) {
        return Mono.fromCallable(() -> {
            if (!deadLetters.retry(name, eventId)) {
                throw Problems.error(HttpStatus.CONFLICT, "dead-letter-failed-again",
                        "Event " + eventId + " of " + name + " failed again and stays parked");
            }
            return ResponseEntity.noContent().<Void>build();
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
