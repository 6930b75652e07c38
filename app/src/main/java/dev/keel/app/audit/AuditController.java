package dev.keel.app.audit;

import dev.keel.api.privacy.SealedMetadata;
import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import dev.keel.query.paging.Cursors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import dev.keel.web.ProblemResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The audit trail for compliance officers: search it and verify it (docs/audit.md). */
@RestController
@RequestMapping("/v1/audit")
@Tag(name = "Audit")
@PreAuthorize("hasRole('COMPLIANCE')")
@ConditionalOnNodeRole(NodeRole.QUERY)
class AuditController {

    private final AuditReads reads;
    private final AuditSearch search;
    private final AuditExport export;
    private final SealedMetadata sealed;

    AuditController(AuditReads reads, AuditSearch search, AuditExport export, SealedMetadata sealed) {
        this.reads = reads;
        this.search = search;
        this.export = export;
        this.sealed = sealed;
    }

    @Operation(summary = "COMPLIANCE: audit records in chain order, filtered, a page at a time")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "invalid-cursor",
            description = "the cursor was changed or belongs to another search")
    @GetMapping
    Mono<AuditPage> searchAuditTrail(
            @Parameter(description = "user:<account id>, anonymous or system:<component>")
            @RequestParam(required = false) @Size(max = 255) String actor,
            @Parameter(description = "the aggregate (data subject, order, product) the events belong to")
            @RequestParam(required = false) @Size(max = 255) String aggregateId,
            @Parameter(description = "the event's class name, e.g. dev.keel.api.order.OrderPlaced")
            @RequestParam(required = false) @Size(max = 255) String eventType,
            @Parameter(description = "from this moment on (inclusive)") @RequestParam(required = false) Instant from,
            @Parameter(description = "before this moment (exclusive)") @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = Cursors.MAX_LENGTH) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        var filter = new AuditFilter(actor, aggregateId, eventType, from, to);
        long after = cursor == null ? 0 : (Long) Cursors.decode(cursor, filter.scope(), 1).getFirst();
        return Mono.fromCallable(() -> {
            List<AuditRecord> records = search.page(filter, after, size);
            String next = records.size() < size ? null
                    : Cursors.encode(filter.scope(), List.of(records.getLast().chainPosition()));
            return new AuditPage(records.stream().map(record -> AuditEntry.of(record, sealed)).toList(), next);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(summary = "COMPLIANCE: every audit record that matches, as one CSV or NDJSON download, in chain order",
            description = "Streams from a database cursor as the client reads, so any number of records can be "
                    + "exported. The filters are those of the search; choose the format with `format`; an Accept "
                    + "header, if sent, must allow it.")
    @GetMapping(path = "/export", produces = {"text/csv", MediaType.APPLICATION_NDJSON_VALUE})
    Mono<ResponseEntity<Flux<DataBuffer>>> exportAuditTrail(
            @RequestParam(defaultValue = "CSV") ExportFormat format,
            @RequestParam(required = false) @Size(max = 255) String actor,
            @RequestParam(required = false) @Size(max = 255) String aggregateId,
            @RequestParam(required = false) @Size(max = 255) String eventType,
            @Parameter(description = "from this moment on (inclusive)") @RequestParam(required = false) Instant from,
            @Parameter(description = "before this moment (exclusive)") @RequestParam(required = false) Instant to) {
        // a Mono: method security wraps only publishers
        return Mono.just(ResponseEntity.ok()
                .contentType(format.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit." + format.name().toLowerCase(Locale.ROOT)).build().toString())
                .body(export.export(new AuditFilter(actor, aggregateId, eventType, from, to), format)));
    }

    @Operation(summary = "COMPLIANCE: check the whole chain against the event store, naming the first broken link",
            description = "Walks every record from the first: its position, its pointer to the record before, its own "
                    + "hash, and the hash of the stored event it names. Compare headHash with an anchored copy.")
    @GetMapping("/verification")
    Mono<AuditVerification> verifyAuditTrail() {
        return Mono.fromCallable(reads::verify).subscribeOn(Schedulers.boundedElastic());
    }
}
