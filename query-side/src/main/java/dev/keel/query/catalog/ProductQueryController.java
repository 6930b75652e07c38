package dev.keel.query.catalog;

import dev.keel.api.catalog.FindProduct;
import dev.keel.api.catalog.ProductId;
import dev.keel.api.catalog.ProductPage;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.catalog.SearchProducts;
import dev.keel.query.Queries;
import dev.keel.web.ETags;
import dev.keel.web.Problems;
import dev.keel.web.ProblemResponse;
import dev.keel.web.Public;
import dev.keel.web.SuccessResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    /** Elasticsearch's default result window: deeper pages need search_after, not offsets. */
    static final int MAX_RESULT_WINDOW = 10_000;

    private final Queries queries;

    ProductQueryController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "One product (public); the ETag is its version")
    @Public
    @SuccessResponse(headers = HttpHeaders.ETAG)
    @GetMapping("/{productId}")
    Mono<ResponseEntity<ProductView>> findProduct(@PathVariable ProductId productId) {
        return queries.one(new FindProduct(productId), ProductView.class)
                .map(product -> ResponseEntity.ok().eTag(ETags.of(product.version())).body(product))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No product with id " + productId)));
    }

    @Operation(summary = "Search the catalog by words in SKU, name and description (public)")
    @Public
    @ProblemResponse(status = HttpStatus.BAD_REQUEST, type = "page-too-deep",
            description = "the page lies beyond the first 10,000 results")
    @GetMapping
    Mono<ProductPage> searchProducts(@Parameter(description = "words to look for; empty lists every product")
                                     @RequestParam(name = "q", defaultValue = "") @Size(max = 200) String text,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (((long) page + 1) * size > MAX_RESULT_WINDOW) {
            return Mono.error(Problems.error(HttpStatus.BAD_REQUEST, "page-too-deep",
                    "Only the first " + MAX_RESULT_WINDOW + " results can be paged through; narrow the search"));
        }
        return queries.one(new SearchProducts(text, page, size), ProductPage.class);
    }
}
