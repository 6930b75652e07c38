package dev.keel.command.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keel.api.catalog.AdjustProductStock;
import dev.keel.api.catalog.ChangeProductCategory;
import dev.keel.api.catalog.ChangeProductImages;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.SetProductStock;
import dev.keel.command.request.CommandSender;
import dev.keel.command.request.HttpUrl;
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

import java.util.List;

import static dev.keel.command.catalog.ProductCommandController.MAX_STOCK;

/** STAFF changing what a product is listed as and how many there are; each takes If-Match. */
@RestController
@RequestMapping("/v1/products/{productId}")
@Tag(name = "Catalog")
@PreAuthorize("hasRole('STAFF')")
@ProblemResponse(status = HttpStatus.CONFLICT, type = "product-archived",
        description = "the product is archived; it takes no further changes")
class ProductDetailsController {

    private final CommandSender commands;

    ProductDetailsController(CommandSender commands) {
        this.commands = commands;
    }

    /** @param category {@code null} for none */
    record CategoryRequest(@Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Nullable String category) {
    }

    record ImagesRequest(@NotNull @Size(max = 10) List<@NotNull @Size(max = 2048) @HttpUrl String> imageUrls) {
    }

    /**
     * @param stock units on hand, {@code null} for unlimited; required, so that a body that forgot it
     *              (or misspelt it) never makes stock unlimited
     */
    record StockRequest(@JsonProperty(required = true) @PositiveOrZero @Max(MAX_STOCK) @Nullable Long stock) {
    }

    /** @param delta units added (positive) or taken away (negative) */
    record StockAdjustmentRequest(@NotNull @Min(-MAX_STOCK) @Max(MAX_STOCK) Long delta) {
    }

    @Operation(summary = "List a product under a category, or none (STAFF)")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @PutMapping("/category")
    Mono<ResponseEntity<ProductChanged>> changeProductCategory(@PathVariable ProductId productId,
                                                   @Valid @RequestBody CategoryRequest request,
                                                   @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                   ServerWebExchange exchange) {
        String category = request.category() == null ? null : request.category().trim();
        return send(exchange, request, new ChangeProductCategory(productId, category, ETags.expectedVersion(ifMatch)),
                productId);
    }

    @Operation(summary = "Replace a product's pictures: up to 10 http(s) URLs, first one first (STAFF)")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @PutMapping("/images")
    Mono<ResponseEntity<ProductChanged>> changeProductImages(@PathVariable ProductId productId,
                                                 @Valid @RequestBody ImagesRequest request,
                                                 @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 ServerWebExchange exchange) {
        return send(exchange, request, new ChangeProductImages(productId, request.imageUrls(),
                ETags.expectedVersion(ifMatch)), productId);
    }

    @Operation(summary = "Set the units on hand, or null for unlimited (STAFF); never below the units reserved")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "stock-below-reserved",
            description = "the stock would be below the units open orders reserve; `reserved`")
    @PutMapping("/stock")
    Mono<ResponseEntity<ProductChanged>> setProductStock(@PathVariable ProductId productId,
                                                @Valid @RequestBody StockRequest request,
                                                @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                ServerWebExchange exchange) {
        return send(exchange, request, new SetProductStock(productId, request.stock(), ETags.expectedVersion(ifMatch)),
                productId);
    }

    @Operation(summary = "Add units to the stock or take them away (STAFF); counted stock only")
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "stock-below-reserved",
            description = "the stock would be below the units open orders reserve; `reserved`")
    @ProblemResponse(status = HttpStatus.CONFLICT, type = "stock-unlimited",
            description = "the product's stock is not counted (unlimited); set it with `PUT .../stock` first")
    @PostMapping("/stock-adjustments")
    Mono<ResponseEntity<ProductChanged>> adjustProductStock(@PathVariable ProductId productId,
                                                 @Valid @RequestBody StockAdjustmentRequest request,
                                                 @Parameter(required = true) @RequestHeader("Idempotency-Key") String key,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 ServerWebExchange exchange) {
        return send(exchange, request, new AdjustProductStock(productId, request.delta(),
                ETags.expectedVersion(ifMatch)), productId);
    }

    private Mono<ResponseEntity<ProductChanged>> send(ServerWebExchange exchange, Object body, Object command,
                                                      ProductId productId) {
        return ProductCommandController.changed(commands, exchange, body, command, productId);
    }
}
