package dev.keel.app.openapi;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.http.HttpHeaders;

import java.util.Map;

/**
 * Every header Keel's operations take or answer, described once with its format. Operations refer
 * to these by name: a request header by its {@code @RequestHeader}, a response header through
 * {@link dev.keel.web.SuccessResponse#headers()} or the status that carries it.
 */
final class DocumentedHeaders {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String DEVICE_ID = "X-Device-Id";
    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String RETRY_AFTER = "Retry-After";
    static final String LAST_EVENT_ID = "Last-Event-ID";

    /** Visible ASCII, 0x21-0x7E: what Keel takes in headers it records. */
    private static final String VISIBLE_ASCII = "[!-~]";
    /** A version as Keel writes it in an ETag: no sign, no leading zero, at most 19 digits. */
    private static final String VERSION_TAG = "\"(0|[1-9][0-9]{0,18})\"";

    private DocumentedHeaders() {
    }

    /** A request header: what it means and the values Keel takes (anything else is a 400 naming it). */
    record RequestHeader(String description, Schema<Object> schema) {
    }

    static final Map<String, RequestHeader> REQUEST = Map.of(
            IDEMPOTENCY_KEY, new RequestHeader("""
                    Makes a retry safe: a new value (a UUID) per logical request, the same value on each retry \
                    of it. A retry with the same key and body returns the first answer and changes nothing \
                    again; the same key with another body is 422 `idempotency-key-reused`. Keys are kept for \
                    a day. 1-255 visible ASCII characters.""",
                    pattern(VISIBLE_ASCII + "{1,255}", 1, 255, "0b6e3c1e-8c1a-4d8e-9a51-3f1f5d2f7a10")),
            "If-Match", new RequestHeader("""
                    Apply the change only to this version: exactly one ETag as Keel sent it (`"3"`), or `*` \
                    for any. When the current version is another, the answer is 409 `version-conflict` with \
                    `currentVersion`. An empty, weak (`W/"3"`), listed or unquoted value is 400.""",
                    pattern("\\*|" + VERSION_TAG, 1, 22, "\"3\"")),
            "If-None-Match", new RequestHeader("""
                    The ETags of the copies the client holds (or `*`): the answer is 304 Not Modified, with no \
                    body, when the current version is one of them.""",
                    pattern("\\*|(W/)?\"[!#-~]*\"(\\s*,\\s*(W/)?\"[!#-~]*\")*", 1, 8192, "\"3\"")),
            DEVICE_ID, new RequestHeader("""
                    A stable id of the app installation, chosen by the app; recorded with every event the \
                    request causes. 1-128 visible ASCII characters.""",
                    pattern(VISIBLE_ASCII + "{1,128}", 1, 128, "ios-4f2a9c")),
            CORRELATION_ID, new RequestHeader("""
                    Ties the events a request causes to the client's own logs; Keel makes one up when it is \
                    absent. 1-128 visible ASCII characters.""",
                    pattern(VISIBLE_ASCII + "{1,128}", 1, 128, "checkout-7d1e")),
            LAST_EVENT_ID, new RequestHeader("""
                    Resume a stream: the `id` of the last event received (a global position), or the                     `position` of the last `GET /v1/sync`. The stream sends what changed after it first, then                     live changes; without it, only changes from now on. Anything but an integer is 400.""",
                    pattern("-?[0-9]{1,19}", 1, 20, "1042")));

    static final Map<String, Header> RESPONSE = Map.of(
            HttpHeaders.ETAG, header("""
                    The version of what the answer is about, as a strong entity tag (`"3"`); send it back as \
                    If-Match to change exactly this version.""", pattern(VERSION_TAG, 3, 21, "\"3\"")),
            HttpHeaders.LOCATION, header("Where what was created can be read.",
                    Schemas.string("uri-reference", null)),
            RETRY_AFTER, header("Whole seconds to wait before asking again.", Schemas.integer("int64").minimum(
                    java.math.BigDecimal.ZERO)),
            HttpHeaders.WWW_AUTHENTICATE, header("""
                    The bearer challenge: `Bearer` when no token came, `Bearer error="invalid_token"` when the \
                    token is invalid or expired.""", Schemas.string()),
            HttpHeaders.CONTENT_DISPOSITION, header("""
                    `attachment` with a file name: the answer is a document to save (a personal data export).""",
                    Schemas.string()),
            HttpHeaders.ACCEPT_ENCODING, header("`identity`: Keel reads bodies without a content coding.",
                    Schemas.string()));

    static Header response(String name) {
        Header header = RESPONSE.get(name);
        if (header == null) {
            throw new IllegalStateException("No description of the response header " + name
                    + ": add it to " + DocumentedHeaders.class.getName());
        }
        return header;
    }

    private static Schema<Object> pattern(String regex, int minLength, int maxLength, String example) {
        Schema<Object> schema = Schemas.string();
        schema.setPattern("^(" + regex + ")$");
        schema.setMinLength(minLength);
        schema.setMaxLength(maxLength);
        schema.setExample(example);
        return schema;
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }
}
