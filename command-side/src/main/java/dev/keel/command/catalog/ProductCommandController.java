package dev.keel.command.catalog;

import dev.keel.api.catalog.ArchiveProduct;
import dev.keel.api.catalog.ChangeProductPrice;
import dev.keel.api.catalog.CreateProduct;
import dev.keel.api.catalog.ProductId;
import dev.keel.command.request.CommandSender;
import dev.keel.command.request.HttpUrl;
import dev.keel.web.ProblemResponse;
import dev.keel.web.SuccessResponse;
import dev.keel.command.request.MoneyInput;
import dev.keel.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/v1/products")
@Tag(name = "Catalog")
@PreAuthorize("hasRole('STAFF')")
class ProductCommandController {

    /** A billion units: beyond any warehouse, far from overflow when added up. */
    static final long MAX_STOCK = 1_000_000_000L;

    private final CommandSender commands;

    ProductCommandController(CommandSender commands) {
        this.commands = commands;
    }

    record CreateProductRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String sku,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 5000) @Nullable String description,
            @NotNull @Valid MoneyInput price,
            @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Nullable String category,
            @Size(max = 10) @Nullable List<@NotNull @Size(max = 2048) @HttpUrl String> imageUrls,
            @PositiveOrZero @Max(MAX_STOCK) @Nullable Long stock) {
    }

    @Operation(summary = "Add a product to the catalog (STAFF); stock null or left out means unlimited")
    @SuccessResponse(status = HttpStatus.CREATED, headers = {HttpHeaders.LOCATION, HttpHeaders.ETAG})
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "sku-already-in-use",
            description = "another product has this SKU")
    @PostMapping
    Mono<ResponseEntity<ProductChanged>> createProduct(@Valid @RequestBody CreateProductRequest request,
                                                       @RequestHeader("Idempotency-Key") String key,
                                                       ServerWebExchange exchange) {
        return commands.<ProductId>create(exchange, request, id -> new CreateProduct(new ProductId(id),
                        request.sku().trim(), request.name().trim(),
                        request.description() == null ? "" : request.description().trim(), request.price().toMoney(),
                        request.category() == null ? null : request.category().trim(),
                        request.imageUrls() == null ? List.of() : request.imageUrls(), request.stock()))
                .map(productId -> ResponseEntity.created(URI.create("/v1/products/" + productId))
                        .eTag(ETags.of(0))
                        .body(new ProductChanged(productId, 0)));
    }

    @Operation(summary = "Set a product's price (STAFF); If-Match makes it apply only to that version")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "product-archived",
            description = "the product is archived; it takes no further changes")
    @PutMapping("/{productId}/price")
    Mono<ResponseEntity<ProductChanged>> changeProductPrice(@PathVariable ProductId productId,
                                                            @Valid @RequestBody MoneyInput price,
                                                            @RequestHeader("Idempotency-Key") String key,
                                                            @RequestHeader(name = ETags.IF_MATCH, required = false)
                                                            String ifMatch,
                                                            ServerWebExchange exchange) {
        var command = new ChangeProductPrice(productId, price.toMoney(), ETags.expectedVersion(ifMatch));
        return changed(exchange, price, command, productId);
    }

    @Operation(summary = "Stop selling a product (STAFF); it takes no further changes")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @PostMapping("/{productId}/archival")
    Mono<ResponseEntity<ProductChanged>> archiveProduct(@PathVariable ProductId productId,
                                                        @RequestHeader("Idempotency-Key") String key,
                                                        @RequestHeader(name = ETags.IF_MATCH, required = false)
                                                        String ifMatch,
                                                        ServerWebExchange exchange) {
        return changed(exchange, null, new ArchiveProduct(productId, ETags.expectedVersion(ifMatch)), productId);
    }

    /** Sends a change of an existing product and answers its new version. */
    static Mono<ResponseEntity<ProductChanged>> changed(CommandSender commands, ServerWebExchange exchange,
                                                        Object body, Object command, ProductId productId) {
        return commands.<Long>send(exchange, body, command)
                .map(version -> ResponseEntity.ok().eTag(ETags.of(version)).body(new ProductChanged(productId, version)));
    }

    private Mono<ResponseEntity<ProductChanged>> changed(ServerWebExchange exchange, Object body, Object command,
                                                         ProductId productId) {
        return changed(commands, exchange, body, command, productId);
    }
}
