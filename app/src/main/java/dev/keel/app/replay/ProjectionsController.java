package dev.keel.app.replay;

import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import dev.keel.web.ProblemResponse;
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

/** The event processors of the node that answers: their status, and replays while the service runs. */
@RestController
@RequestMapping("/v1/admin/projections")
@Tag(name = "Operations")
@PreAuthorize("hasRole('STAFF')")
@ConditionalOnNodeRole(NodeRole.PROJECTIONS)
class ProjectionsController {

    private final Projections projections;

    ProjectionsController(Projections projections) {
        this.projections = projections;
    }

    @Operation(summary = "STAFF: every event processor on this node: position, lag, replay progress, errors")
    @GetMapping
    Mono<List<ProjectionStatus>> listProjections() {
        return Mono.fromCallable(projections::all).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "STAFF: rebuild a projection from the first event while the service keeps running",
            description = "Empties the projection's read model and replays every event into it; new events keep "
                    + "arriving meanwhile. Answers at once, with the status: follow it in GET /v1/admin/projections.")
    @SuccessResponse(status = HttpStatus.ACCEPTED)
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "replay-not-allowed",
            description = "the projection has side effects (mail, push, payments) or is the audit trail")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "replay-in-progress", description = "it is replaying already")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "replay-blocked",
            description = "another node holds some of its segments")
    @PostMapping("/{name}/replay")
    Mono<ResponseEntity<ProjectionStatus>> replayProjection(@PathVariable String name) {
        return Mono.fromCallable(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.replay(name)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
