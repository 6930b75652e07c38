package dev.keel.app.openapi;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document says what the endpoints do, in a form client generators take: names,
 * value types, statuses, media types, headers, problems and security. What the endpoints actually
 * answer is checked against it by {@link DocumentedResponsesIntegrationTest}.
 */
class ApiDocumentIntegrationTest extends KeelIntegrationTest {

    /**
     * Names a generated client cannot use for an operation: typescript-fetch's runtime members (an
     * operation named {@code request} replaced the runtime's own and broke every call) and words
     * JavaScript, Swift and Kotlin reserve.
     */
    private static final Set<String> RESERVED = Set.of("request", "fetchApi", "createFetchParams", "withMiddleware",
            "withPreMiddleware", "withPostMiddleware", "clone", "isJsonMime", "configuration", "middleware",
            "constructor", "delete", "new", "function", "default", "class", "export", "import", "return", "in",
            "is", "object", "when", "fun", "val", "var", "init", "self", "super", "this", "protocol", "extension");

    @Autowired
    SpringDocConfigProperties springDoc;

    @Test
    void servingTheDocumentLogsNoWarningOrError() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        springDoc.getCache().setDisabled(true); // build it again, whichever test asked for it first
        try {
            document();
        } finally {
            springDoc.getCache().setDisabled(false);
            root.detachAppender(logged);
        }
        assertThat(logged.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(event -> event.getLoggerName().startsWith("org.springdoc")
                        || event.getLoggerName().startsWith("io.swagger")
                        || event.getLoggerName().startsWith("dev.keel.app.openapi")
                        || event.getThreadName().startsWith("reactor-http"))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()))
                .isEmpty();
    }

    @Test
    void operationIdsSayWhatTheyDoAndAreSafeInGeneratedClients() {
        Map<String, String> ids = new HashMap<>();
        operations(document()).forEach((name, operation) -> ids.put(name, operation.path("operationId").asString()));

        assertThat(ids).containsEntry("POST /v1/password-resets", "requestPasswordReset")
                .containsEntry("POST /v1/products", "createProduct")
                .containsEntry("GET /v1/products/{productId}", "findProduct")
                .containsEntry("GET /v1/products", "searchProducts")
                .containsEntry("GET /v1/products/suggestions", "suggestProducts")
                .containsEntry("POST /v1/orders", "placeOrder").containsEntry("POST /v1/orders/quote", "quoteOrder")
                .containsEntry("GET /v1/orders/{orderId}", "findOrder").containsEntry("GET /v1/orders", "listMyOrders")
                .containsEntry("GET /v1/orders/queue", "listOrderQueue")
                .containsEntry("POST /v1/orders/{orderId}/cancellation", "cancelOrder")
                .containsEntry("GET /v1/orders/stream", "streamOrderUpdates").containsEntry("GET /v1/sync", "syncChanges")
                .containsEntry("POST /v1/promotions", "createPromotion")
                .containsEntry("PUT /v1/products/{productId}/stock", "setProductStock")
                .containsEntry("DELETE /v1/accounts/{accountId}/roles/{role}", "revokeRole");
        assertThat(ids.values()).allSatisfy(id -> assertThat(id).as("operationId").matches("[a-z][A-Za-z0-9]*")
                .doesNotMatch(".*_\\d+").isNotIn(RESERVED));
        assertThat(ids.values().stream().map(id -> id.toLowerCase(Locale.ROOT)).distinct()).hasSameSizeAs(ids.values());
        assertThat(ids.values()).allSatisfy(id -> assertThat(ids.values()).doesNotContain(id + "Raw"));
    }

    @Test
    void valueTypesAreDescribedAsTheyTravel() {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode currency = schemas.path("Money").path("properties").path("currency");
        assertThat(types(currency)).containsExactly("string");
        assertThat(currency.path("pattern").asString()).isEqualTo("^[A-Z]{3}$");

        List<String> ids = new ArrayList<>();
        schemas.properties().forEach(schema -> schema.getValue().path("properties").properties().stream()
                .filter(property -> property.getKey().endsWith("Id") && !property.getKey().equals("deviceId")
                        && !property.getKey().equals("errorId"))
                .forEach(property -> {
                    ids.add(schema.getKey() + "." + property.getKey());
                    assertThat(types(property.getValue())).as(schema.getKey() + "." + property.getKey()).contains("string");
                    assertThat(property.getValue().path("format").asString()).as(schema.getKey() + "." + property.getKey())
                            .isEqualTo("uuid");
                }));
        assertThat(ids).contains("ProductView.productId", "AccountView.accountId", "TokenResponse.sessionId");
        assertThat(parameter("PUT /v1/products/{productId}/price", "productId").path("schema").path("format").asString())
                .isEqualTo("uuid");

        assertThat(schemas.path("ProductView").path("properties").path("createdAt").path("format").asString())
                .isEqualTo("date-time");
        assertThat(schemas.path("SessionView").path("properties").path("method").path("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("PASSWORD", "FIREBASE");
    }

    @Test
    void successStatusesAreTheOnesTheEndpointsAnswer() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("POST /v1/products", "201"), Map.entry("POST /v1/accounts", "201"),
                Map.entry("POST /v1/sessions", "201"), Map.entry("POST /v1/sessions/firebase", "201"),
                Map.entry("POST /v1/accounts/email-verification", "201"), Map.entry("PATCH /v1/me", "204"),
                Map.entry("PUT /v1/accounts/{accountId}/roles/{role}", "204"),
                Map.entry("DELETE /v1/me/sessions/{sessionId}", "204"), Map.entry("DELETE /v1/me/sessions", "204"),
                Map.entry("PUT /v1/me/password", "204"), Map.entry("POST /v1/password-resets", "202"),
                Map.entry("POST /v1/password-resets/confirmation", "204"),
                Map.entry("PUT /v1/products/{productId}/price", "200"), Map.entry("GET /v1/products/{productId}", "200"),
                Map.entry("DELETE /v1/accounts/{accountId}/roles/{role}", "204"), Map.entry("POST /v1/orders", "201"),
                Map.entry("POST /v1/orders/quote", "200"), Map.entry("POST /v1/orders/{orderId}/cancellation", "200"),
                Map.entry("GET /v1/orders/{orderId}", "200"), Map.entry("GET /v1/orders/stream", "200"),
                Map.entry("POST /v1/promotions", "201"), Map.entry("POST /v1/products/{productId}/stock-adjustments", "200"));
        Map<String, JsonNode> operations = operations(document());
        expected.forEach((operation, status) -> assertThat(successes(operations.get(operation)))
                .as(operation).containsExactly(status));
        operations.forEach((name, operation) -> assertThat(successes(operation)).as(name).hasSize(1));
        assertThat(operations.get("POST /v1/password-resets").path("responses").path("202").has("content")).isFalse();
    }

    /** The one operation whose answer is not JSON: Server-Sent Events. */
    private static final String STREAM = "GET /v1/orders/stream";

    @Test
    void answersAreJsonAndErrorsAreProblemsNamingTheirTypes() {
        operations(document()).forEach((name, operation) -> operation.path("responses").properties().forEach(entry -> {
            String status = entry.getKey();
            JsonNode response = entry.getValue();
            List<String> mediaTypes = response.path("content").propertyNames().stream().toList();
            if (status.equals("304")) {
                assertThat(mediaTypes).as(name + " " + status).isEmpty();
                return;
            }
            if (status.startsWith("2")) {
                if (name.equals(STREAM)) {
                    assertThat(mediaTypes).as(name + " " + status).containsExactly("text/event-stream");
                } else {
                    // JSON, or a download's declared format (the audit export)
                    assertThat(mediaTypes).as(name + " " + status).isSubsetOf("application/json", "text/csv",
                            "application/x-ndjson");
                }
                return;
            }
            assertThat(mediaTypes).as(name + " " + status).containsExactly("application/problem+json");
            assertThat(response.path("content").path("application/problem+json").path("schema").path("$ref").asString())
                    .isEqualTo("#/components/schemas/Problem");
            List<String> types = response.path("x-problem-types").valueStream().map(JsonNode::asString).toList();
            assertThat(types).as(name + " " + status).isNotEmpty()
                    .allSatisfy(type -> assertThat(response.path("description").asString()).contains("`" + type + "`"));
        }));

        JsonNode problem = document().path("components").path("schemas").path("Problem");
        assertThat(problem.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("type", "title", "status");
        assertThat(problem.path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors", "currentVersion", "errorId");
        assertThat(document().at("/components/schemas/ProblemFieldError/required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("field", "message");
    }

    @Test
    void everyOperationListsTheProblemsItCanAnswer() {
        Map<String, JsonNode> operations = operations(document());
        operations.forEach((name, operation) -> {
            assertThat(problemTypes(operation, "500")).as(name).contains("/problems/internal-error");
            assertThat(problemTypes(operation, "503")).as(name).contains("/problems/overloaded");
            assertThat(operation.at("/responses/503/headers/Retry-After/$ref").asString()).as(name)
                    .isEqualTo("#/components/headers/Retry-After");
            assertThat(problemTypes(operation, "400")).as(name).contains("/problems/malformed-request");
            if (operation.has("requestBody")) {
                assertThat(problemTypes(operation, "400")).as(name).contains("/problems/unknown-field",
                        "/problems/invalid-field", "/problems/malformed-json", "/problems/duplicate-field");
                assertThat(problemTypes(operation, "415")).as(name).contains("/problems/unsupported-media-type");
                assertThat(problemTypes(operation, "413")).as(name).contains("/problems/payload-too-large");
            }
            if (hasParameter(operation, "header", "Idempotency-Key")) {
                assertThat(problemTypes(operation, "400")).as(name).contains("/problems/missing-idempotency-key");
                assertThat(problemTypes(operation, "422")).as(name).contains("/problems/idempotency-key-reused");
            }
            if (hasParameter(operation, "header", "If-Match")) {
                assertThat(problemTypes(operation, "409")).as(name).contains("/problems/version-conflict");
            }
        });
        assertThat(problemTypes(operations.get("POST /v1/accounts"), "409")).contains("/problems/email-already-registered");
        assertThat(problemTypes(operations.get("POST /v1/accounts"), "400")).contains("/problems/weak-password");
        assertThat(problemTypes(operations.get("POST /v1/products"), "403")).contains("/problems/forbidden");
        assertThat(problemTypes(operations.get("GET /v1/me"), "403")).contains("/problems/not-an-account");
        assertThat(problemTypes(operations.get("POST /v1/sessions/refresh"), "401"))
                .contains("/problems/invalid-refresh-token", "/problems/refresh-token-reused");
        assertThat(operations.get("POST /v1/sessions").at("/responses/429/headers/Retry-After/$ref").asString())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(problemTypes(operations.get("POST /v1/sessions/refresh"), "429")).contains("/problems/too-many-requests");
        assertThat(problemTypes(operations.get("POST /v1/accounts"), "429")).contains("/problems/too-many-requests");
        for (String hashing : List.of("POST /v1/accounts", "POST /v1/accounts/email-verification", "POST /v1/sessions",
                "PUT /v1/me/password", "POST /v1/password-resets/confirmation")) {
            assertThat(operations.get(hashing).at("/responses/503/description").asString()).as(hashing)
                    .contains("hashing pool").contains("command queue");
        }
        assertThat(operations.get("GET /v1/products/{productId}").at("/responses/503/description").asString())
                .contains("database").doesNotContain("command queue");

        assertThat(problemTypes(operations.get("POST /v1/orders"), "409")).contains("/problems/out-of-stock",
                "/problems/product-archived", "/problems/promotion-used-up", "/problems/promotion-limit-reached");
        List<String> unprocessable = List.of("/problems/unknown-product", "/problems/mixed-currencies",
                "/problems/unsupported-country", "/problems/unknown-promotion-code", "/problems/promotion-not-yet-valid",
                "/problems/promotion-expired", "/problems/promotion-minimum-not-met");
        assertThat(problemTypes(operations.get("POST /v1/orders"), "422")).containsAll(unprocessable)
                .contains("/problems/idempotency-key-reused");
        assertThat(problemTypes(operations.get("POST /v1/orders/quote"), "422")).containsExactlyElementsOf(unprocessable);
        assertThat(problemTypes(operations.get("POST /v1/orders/quote"), "409"))
                .isEqualTo(problemTypes(operations.get("POST /v1/orders"), "409"));
        assertThat(problemTypes(operations.get("POST /v1/orders/{orderId}/delivery"), "409"))
                .contains("/problems/order-status-conflict", "/problems/version-conflict");
        assertThat(problemTypes(operations.get("POST /v1/products/{productId}/stock-adjustments"), "409"))
                .contains("/problems/stock-unlimited", "/problems/stock-below-reserved", "/problems/product-archived");
        assertThat(problemTypes(operations.get("POST /v1/promotions"), "409")).contains("/problems/promotion-code-in-use");
        assertThat(problemTypes(operations.get("DELETE /v1/accounts/{accountId}/roles/{role}"), "409"))
                .contains("/problems/own-staff-role", "/problems/last-staff");
        for (String reader : List.of("GET /v1/orders", "GET /v1/orders/{orderId}", "GET /v1/orders/stream", "GET /v1/sync")) {
            assertThat(problemTypes(operations.get(reader), "403")).as(reader).contains("/problems/not-an-account");
        }
        assertThat(problemTypes(operations.get("POST /v1/sessions"), "403")).contains("/problems/email-not-verified");
        assertThat(problemTypes(operations.get("POST /v1/sessions/firebase"), "503"))
                .contains("/problems/firebase-unavailable", "/problems/firebase-not-configured", "/problems/overloaded");
        for (String required : List.of("GET /v1/sync", "GET /v1/orders/queue", "GET /v1/products/suggestions")) {
            assertThat(problemTypes(operations.get(required), "400")).as(required)
                    .contains("/problems/missing-query-parameter");
        }
        assertThat(problemTypes(operations.get("GET /v1/products"), "400")).doesNotContain("/problems/missing-query-parameter");
        for (String listing : List.of("GET /v1/products", "GET /v1/orders", "GET /v1/orders/queue")) {
            assertThat(problemTypes(operations.get(listing), "400")).as(listing).contains("/problems/invalid-cursor");
        }
    }

    @Test
    void publicOperationsNeedNoTokenAndTheOthersSayTheyDo() {
        Set<String> open = new HashSet<>();
        operations(document()).forEach((name, operation) -> {
            if (operation.has("security") && operation.path("security").isEmpty()) {
                open.add(name);
                assertThat(operation.path("responses").has("401")
                        && problemTypes(operation, "401").contains("/problems/unauthorized")).as(name).isFalse();
            } else {
                assertThat(problemTypes(operation, "401")).as(name).contains("/problems/unauthorized");
                assertThat(operation.at("/responses/401/headers/WWW-Authenticate/$ref").asString()).as(name)
                        .isEqualTo("#/components/headers/WWW-Authenticate");
            }
        });
        assertThat(open).containsExactlyInAnyOrder("POST /v1/accounts", "POST /v1/accounts/email-verification",
                "POST /v1/sessions", "POST /v1/sessions/refresh", "POST /v1/sessions/firebase",
                "POST /v1/password-resets", "POST /v1/password-resets/confirmation", "GET /v1/products",
                "GET /v1/products/{productId}", "GET /v1/products/suggestions", "GET /.well-known/jwks.json",
                "POST /v1/payments/webhooks/stripe");
        assertThat(document().at("/security/0").has("bearer")).isTrue();
    }

    @Test
    void fieldsThatAreAlwaysPresentAreRequired() {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(required(schemas.path("ProductView"))).containsExactlyInAnyOrder("productId", "sku", "name",
                "description", "price", "category", "imageUrls", "stock", "available", "archived", "version",
                "createdAt", "updatedAt");
        for (String nullable : List.of("ProductView.category", "ProductView.stock", "ProductView.available",
                "OrderView.promotionCode", "OrderPage.nextCursor", "CatalogPage.nextCursor", "PriceBandCount.to")) {
            String[] field = nullable.split("\\.");
            assertThat(schemas.path(field[0]).path("properties").path(field[1]).path("nullable").asBoolean()).as(nullable)
                    .isTrue();
            assertThat(required(schemas.path(field[0]))).as(nullable).contains(field[1]);
        }
        assertThat(required(schemas.path("OrderRequest"))).containsExactlyInAnyOrder("lines", "shippingAddress");
        assertThat(required(schemas.path("StockRequest"))).containsExactly("stock");
        assertThat(schemas.at("/StockRequest/properties/stock/nullable").asBoolean()).isTrue();
        assertThat(types(schemas.at("/OrderView/properties/orderId"))).containsExactly("string");
        assertThat(schemas.at("/OrderView/properties/status/enum").valueStream().map(JsonNode::asString))
                .containsExactly("PLACED", "PAID", "IN_FULFILMENT", "DELIVERED", "CANCELLED");
        assertThat(schemas.at("/OrderTotals/properties/total/$ref").asString()).isEqualTo("#/components/schemas/Money");
        assertThat(required(schemas.path("Money"))).containsExactlyInAnyOrder("amountMinor", "currency");
        assertThat(required(schemas.path("TokenResponse"))).containsExactlyInAnyOrder("accessToken", "tokenType",
                "expiresIn", "refreshToken", "accountId", "sessionId");
        assertThat(required(schemas.path("SessionView"))).contains("lastRefreshedAt", "expiresAt");
        JsonNode lastRefreshedAt = schemas.path("SessionView").path("properties").path("lastRefreshedAt");
        assertThat(lastRefreshedAt.path("nullable").asBoolean() || types(lastRefreshedAt).contains("null")).isTrue();
        assertThat(required(schemas.path("CreateProductRequest"))).containsExactlyInAnyOrder("sku", "name", "price");
    }

    @Test
    void headersAreDescribedWithTheirFormats() {
        JsonNode headers = document().path("components").path("headers");
        assertThat(headers.propertyNames()).contains("ETag", "Location", "Retry-After", "WWW-Authenticate");
        Map<String, JsonNode> operations = operations(document());
        assertThat(operations.get("POST /v1/products").at("/responses/201/headers").propertyNames())
                .containsExactlyInAnyOrder("Location", "ETag");
        assertThat(operations.get("GET /v1/products/{productId}").at("/responses/200/headers").propertyNames())
                .containsExactly("ETag");
        assertThat(operations.get("POST /v1/orders").at("/responses/201/headers").propertyNames())
                .containsExactlyInAnyOrder("Location", "ETag");
        assertThat(operations.get("GET /v1/orders/{orderId}").at("/responses/200/headers").propertyNames())
                .containsExactly("ETag");
        assertThat(operations.get("GET /v1/orders/{orderId}").at("/responses/304/headers").propertyNames())
                .containsExactly("ETag");
        JsonNode lastEventId = parameter("GET /v1/orders/stream", "Last-Event-ID");
        assertThat("1042").matches(lastEventId.at("/schema/pattern").asString());
        assertThat("abc").doesNotMatch(lastEventId.at("/schema/pattern").asString());

        JsonNode ifMatch = parameter("PUT /v1/products/{productId}/price", "If-Match");
        assertThat(ifMatch.path("description").asString()).contains("*").contains("\"3\"");
        assertThat("\"3\"").matches(ifMatch.at("/schema/pattern").asString());
        assertThat("*").matches(ifMatch.at("/schema/pattern").asString());
        assertThat("W/\"3\"").doesNotMatch(ifMatch.at("/schema/pattern").asString());

        JsonNode key = parameter("POST /v1/products", "Idempotency-Key");
        assertThat(key.path("required").asBoolean()).isTrue();
        assertThat(key.at("/schema/minLength").asInt()).isEqualTo(1);
        assertThat(key.at("/schema/maxLength").asInt()).isEqualTo(255);
        assertThat("a b").doesNotMatch(key.at("/schema/pattern").asString());
        assertThat(parameter("POST /v1/products", "X-Device-Id").at("/schema/maxLength").asInt()).isEqualTo(128);
    }

    // --- reading the document

    private JsonNode document;

    private JsonNode document() {
        if (document == null) {
            document = JsonMapper.builder().build().readTree(web.get().uri("/v3/api-docs").exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody());
        }
        return document;
    }

    /** "METHOD path" to the operation. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new HashMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue())));
        return operations;
    }

    private JsonNode parameter(String operation, String name) {
        return operations(document()).get(operation).path("parameters").valueStream()
                .filter(parameter -> parameter.path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(operation + " has no parameter " + name));
    }

    private static boolean hasParameter(JsonNode operation, String in, String name) {
        return operation.path("parameters").valueStream().anyMatch(parameter ->
                parameter.path("in").asString().equals(in) && parameter.path("name").asString().equals(name));
    }

    private static List<String> successes(JsonNode operation) {
        return operation.path("responses").propertyNames().stream().filter(status -> status.startsWith("2")).toList();
    }

    private static List<String> problemTypes(JsonNode operation, String status) {
        return operation.path("responses").path(status).path("x-problem-types").valueStream()
                .map(JsonNode::asString).toList();
    }

    private static Set<String> required(JsonNode schema) {
        return schema.path("required").valueStream().map(JsonNode::asString).collect(Collectors.toSet());
    }

    /** {@code "type": "string"} or {@code "type": ["string", "null"]}. */
    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.valueStream().map(JsonNode::asString).toList()
                : type.isMissingNode() ? List.of() : List.of(type.asString());
    }
}
