package dev.keel.query.analytics;

import dev.keel.api.order.OrderStatus;
import dev.keel.query.paging.Cursors;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Reports for ANALYST and STAFF over the order-analytics index, which holds no personal data. Every
 * period is {@code [from, to)} of placement times, ISO-8601 instants. Elasticsearch's client blocks,
 * so the reports run off the event loop.
 */
@RestController
@RequestMapping("/v1/analytics")
@Tag(name = "Analytics")
@PreAuthorize("hasAnyRole('ANALYST', 'STAFF')")
class AnalyticsController {

    private static final String FROM = "first instant of the period (placement time), e.g. 2026-11-01T00:00:00Z";
    private static final String TO = "end of the period, exclusive; after from";

    private final SalesReports sales;
    private final TopProducts top;
    private final CustomerCounts customers;
    private final OrderLines lines;
    private final StatusCounts statuses;

    AnalyticsController(SalesReports sales, TopProducts top, CustomerCounts customers, OrderLines lines,
                        StatusCounts statuses) {
        this.sales = sales;
        this.top = top;
        this.customers = customers;
        this.lines = lines;
        this.statuses = statuses;
    }

    @Operation(summary = "ANALYST, STAFF: orders, units, revenue and average order value per time bucket and currency,"
            + " optionally per category, product or country; cancelled orders left out")
    @ProblemResponse(status = HttpStatus.UNPROCESSABLE_CONTENT, type = "report-too-large",
            description = "the report would have more than 10,000 buckets: a shorter period, a longer interval or"
                    + " another grouping answers")
    @GetMapping("/sales")
    Mono<SalesReport> findSales(@Parameter(description = FROM) @RequestParam Instant from,
                                @Parameter(description = TO) @RequestParam Instant to,
                                @Parameter(description = "day, week (from Monday) or month; UTC")
                                @RequestParam(defaultValue = "day") @Pattern(regexp = "day|week|month") String interval,
                                @Parameter(description = "category, product or country; none: one group per bucket")
                                @RequestParam(required = false) @Pattern(regexp = "category|product|country") String groupBy) {
        return blocking(() -> sales.sales(new Period(from, to), interval, groupBy));
    }

    @Operation(summary = "ANALYST, STAFF: the best-selling products of a period per currency, by revenue or units;"
            + " cancelled orders left out")
    @GetMapping("/products/top")
    Mono<TopProducts.Ranking> findTopProducts(@Parameter(description = FROM) @RequestParam Instant from,
                                              @Parameter(description = TO) @RequestParam Instant to,
                                              @RequestParam(defaultValue = "revenue") @Pattern(regexp = "revenue|units") String by,
                                              @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        return blocking(() -> top.top(new Period(from, to), by, limit));
    }

    @Operation(summary = "ANALYST, STAFF: distinct customers of a period, new (first order in it) against returning;"
            + " customers are pseudonymous keys, erased persons count in neither")
    @GetMapping("/customers")
    Mono<CustomerCounts.Customers> findCustomers(@Parameter(description = FROM) @RequestParam Instant from,
                                                 @Parameter(description = TO) @RequestParam Instant to) {
        return blocking(() -> customers.count(new Period(from, to)));
    }

    @Operation(summary = "ANALYST, STAFF: how many of the orders placed in a period are in each status now")
    @GetMapping("/statuses")
    Mono<StatusCounts.Statuses> findStatuses(@Parameter(description = FROM) @RequestParam Instant from,
                                             @Parameter(description = TO) @RequestParam Instant to) {
        return blocking(() -> statuses.count(new Period(from, to)));
    }

    @Operation(summary = "ANALYST, STAFF: order lines of a period, newest first, a page at a time; q matches product"
            + " name words, or exactly a SKU, category, promotion code or order id")
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "invalid-cursor",
            description = "the cursor was changed, or comes from another listing (other filters)")
    @GetMapping("/orders")
    Mono<OrderLines.Page> listOrderLines(@Parameter(description = FROM) @RequestParam Instant from,
                                         @Parameter(description = TO) @RequestParam Instant to,
                                         @RequestParam(required = false) @Size(max = 200) String q,
                                         @Parameter(description = "PLACED, PAID, IN_FULFILMENT, DELIVERED or CANCELLED")
                                         @RequestParam(required = false) OrderStatus status,
                                         @RequestParam(required = false) @Size(max = Cursors.MAX_LENGTH) String cursor,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Period period = new Period(from, to);
        return blocking(() -> lines.page(period, status, q, cursor, size));
    }

    @Operation(summary = "ANALYST, STAFF: every order line of a period as CSV (same filters as /v1/analytics/orders),"
            + " streamed")
    @SuccessResponse(headers = HttpHeaders.CONTENT_DISPOSITION, description = "CSV, a header row first")
    @GetMapping(value = "/export", produces = "text/csv")
    Mono<ResponseEntity<Flux<String>>> exportOrderLines(@Parameter(description = FROM) @RequestParam Instant from,
                                                  @Parameter(description = TO) @RequestParam Instant to,
                                                  @RequestParam(required = false) @Size(max = 200) String q,
                                                  @Parameter(description = "PLACED, PAID, IN_FULFILMENT, DELIVERED or CANCELLED")
                                                  @RequestParam(required = false) OrderStatus status) {
        Period period = new Period(from, to);
        return Mono.just(ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("order-lines.csv").build().toString())
                .body(lines.csv(period, status, q)));
    }

    private static <T> Mono<T> blocking(Callable<T> report) {
        return Mono.fromCallable(report).subscribeOn(Schedulers.boundedElastic());
    }
}
