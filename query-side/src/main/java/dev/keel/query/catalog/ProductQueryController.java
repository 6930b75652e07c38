package dev.keel.query.catalog;

import dev.keel.api.catalog.CatalogPage;
import dev.keel.api.catalog.FindProduct;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductSort;
import dev.keel.api.catalog.ProductSuggestions;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.catalog.SearchCatalog;
import dev.keel.api.catalog.SuggestProducts;
import dev.keel.query.Queries;
import dev.keel.query.paging.Cursors;
import dev.keel.web.ETags;
import dev.keel.web.Problems;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/products")
@Tag(name = "Catalog")
class ProductQueryController {

    private final Queries queries;

    ProductQueryController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "One product (public), archived ones included; the ETag is its version")
    @Public
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @GetMapping("/{productId}")
    Mono<ResponseEntity<ProductView>> findProduct(@PathVariable ProductId productId) {
        return queries.one(new FindProduct(productId), ProductView.class)
                .map(product -> ResponseEntity.ok().eTag(ETags.of(product.version())).body(product))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No product with id " + productId)));
    }

    @Operation(summary = "Search the catalog (public): words, filters, sort, facets and a cursor; archived products never show")
    @Public
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "invalid-cursor",
            description = "the cursor was changed, or comes from another listing (other filters, sort, owner or status)")
    @GetMapping
    Mono<CatalogPage> searchProducts(
            @Parameter(description = "words to look for in SKU, name and description; empty matches every product")
            @RequestParam(name = "q", defaultValue = "") @Size(max = 200) String text,
            @Parameter(description = "only this category (exactly as listed in the facets)")
            @RequestParam(required = false) @Size(min = 1, max = 100) String category,
            @Parameter(description = "lowest price, in minor units") @RequestParam(required = false) @Min(0) Long minPrice,
            @Parameter(description = "highest price, in minor units") @RequestParam(required = false) @Min(0) Long maxPrice,
            @Parameter(description = "true: only products that can be ordered now")
            @RequestParam(required = false) Boolean inStock,
            @Parameter(description = "relevance (without words: by name), price (cheapest first), -price, newest",
                    schema = @Schema(allowableValues = {"relevance", "price", "-price", "newest"}))
            @RequestParam(defaultValue = "relevance") String sort,
            @Parameter(description = "nextCursor of the previous page, with the same other parameters")
            @RequestParam(required = false) @Size(max = Cursors.MAX_LENGTH) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            return Mono.error(Problems.invalid("invalid-field", "maxPrice", "maxPrice must not be below minPrice"));
        }
        var query = new SearchCatalog(text.isBlank() ? null : text, category, minPrice, maxPrice, inStock, sort(sort),
                cursor, size);
        new CatalogSearch(query).after();
        return queries.one(query, CatalogPage.class);
    }

    @Operation(summary = "Autocomplete (public): products whose name has a word starting with the prefix")
    @Public
    @GetMapping("/suggestions")
    Mono<ProductSuggestions> suggestProducts(@RequestParam @NotBlank @Size(max = 100) String prefix,
                                         @RequestParam(defaultValue = "5") @Min(1) @Max(20) int size) {
        return queries.one(new SuggestProducts(prefix, size), ProductSuggestions.class);
    }

    private static ProductSort sort(String sort) {
        return switch (sort) {
            case "relevance" -> ProductSort.RELEVANCE;
            case "price" -> ProductSort.PRICE_ASC;
            case "-price" -> ProductSort.PRICE_DESC;
            case "newest" -> ProductSort.NEWEST;
            default -> throw Problems.invalid("invalid-field", "sort", "sort must be relevance, price, -price or newest; got " + sort);
        };
    }
}
