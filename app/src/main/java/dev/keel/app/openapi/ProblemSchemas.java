package dev.keel.app.openapi;

import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of every error: RFC 9457 problem details with the extension fields Keel uses. A new
 * extension field is described here, or the integration tests fail on the first problem that
 * carries it (they compare every problem body they see with this schema).
 */
final class ProblemSchemas {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemSchemas() {
    }

    static Map<String, Schema<?>> components() {
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        schemas.put(PROBLEM, problem());
        schemas.put(FIELD_ERROR, fieldError());
        return schemas;
    }

    private static Schema<?> problem() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", Schemas.string("uri-reference", """
                What went wrong, as a stable relative URI: `/problems/<slug>`. Clients switch on it; each \
                response lists the types it can carry.""").example("/problems/version-conflict"));
        properties.put("title", Schemas.string(null, "The status's reason phrase.").example("Conflict"));
        properties.put("status", Schemas.integer("int32").description("The HTTP status, repeated.").example(409));
        properties.put("detail", Schemas.string(null, "What went wrong this time, for people, not for parsing.")
                .example("product 3f2a… is at version 4, not 3"));
        properties.put("instance", Schemas.string("uri-reference", "The path of the request.")
                .example("/v1/products/3f2a9c1e-8c1a-4d8e-9a51-3f1f5d2f7a10/price"));
        properties.put("errors", Schemas.typed("array").items(Schemas.ref(FIELD_ERROR)).description("""
                With bad input (400, and a refused content type or coding): each field, parameter or header \
                at fault."""));
        properties.put("currentVersion", Schemas.integer("int64").description("""
                With `version-conflict`: the version the resource is at now; read it again, then retry \
                with that ETag."""));
        properties.put("retryAfterSeconds", Schemas.integer("int64").description("""
                With a 429 or a 503 `overloaded`: as the `Retry-After` header, in seconds."""));
        properties.put("productId", Schemas.string("uuid", """
                With `out-of-stock`, `product-archived`, `unknown-product`: the product of the order line at                 fault."""));
        properties.put("available", Schemas.integer("int64").description("""
                With `out-of-stock`: the units that can be ordered now."""));
        properties.put("requested", Schemas.integer("int64").description("""
                With `out-of-stock`: the units the order line asks for."""));
        properties.put("reserved", Schemas.integer("int64").description("""
                With `stock-below-reserved`: the units open orders hold, which the stock cannot go below."""));
        properties.put("currencies", Schemas.typed("array").items(Schemas.string(null, "ISO 4217 code"))
                .description("With `mixed-currencies`: the two currencies that do not mix."));
        properties.put("country", Schemas.string(null, """
                With `unsupported-country`: the shipping country (ISO 3166-1 alpha-2) that has no tax rate."""));
        properties.put("promotionCode", Schemas.string(null, """
                With the promotion problems: the code as the order named it, or the automatic promotion's."""));
        properties.put("validFrom", Schemas.string("date-time", "With `promotion-not-yet-valid`: when it starts."));
        properties.put("validUntil", Schemas.string("date-time", "With `promotion-expired`: when it ended."));
        // With `promotion-minimum-not-met`: the subtotal the promotion needs (a $ref takes no description in 3.0)
        properties.put("minimumOrder", Schemas.ref("Money"));
        properties.put("perCustomerLimit", Schemas.integer("int32").description("""
                With `promotion-limit-reached`: how often one customer may use the promotion."""));
        // With `refund-exceeds-captured`: what may still be refunded (a $ref takes no description in 3.0)
        properties.put("refundable", Schemas.ref("Money"));
        properties.put("attempt", Schemas.integer("int32").description("""
                With `payment-in-progress`: the payment attempt that has no answer from the gateway yet."""));
        properties.put("orderStatus", Schemas.string(null, """
                With `order-status-conflict` and `order-already-paid`: where the order is now (`PLACED`, `PAID`, `IN_FULFILMENT`,                 `DELIVERED`, `CANCELLED`).""")._enum(List.<Object>of("PLACED", "PAID", "IN_FULFILMENT",
                "DELIVERED", "CANCELLED")));
        properties.put("errorId", Schemas.string("uuid", """
                With a 5xx: names the server's log entry; quote it when reporting the error."""));
        Schema<Object> schema = Schemas.typed("object").description("""
                An error, as RFC 9457 problem details (`application/problem+json`). `type` says what went \
                wrong and is stable; `detail` is for people.""");
        schema.setProperties(properties);
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }

    private static Schema<?> fieldError() {
        Schema<Object> schema = Schemas.typed("object").description("One field, parameter or header at fault.");
        schema.addProperty("field", Schemas.string(null, """
                A JSON path into the body (`price.currency`, `items[2].sku`), or the name of a query parameter \
                or header (`If-Match`).""").example("price.currency"));
        schema.addProperty("message", Schemas.string(null, "What is wrong with it.")
                .example("must be an ISO 4217 currency code"));
        schema.setRequired(List.of("field", "message"));
        return schema;
    }
}
