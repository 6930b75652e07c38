package dev.keel.app.web;

import java.util.List;

/**
 * What the fuzzer puts where a well-formed request has something else. Labels in angle brackets
 * stand for values {@link RequestFuzzer} builds (raw bytes, very long or deeply nested ones).
 */
final class FuzzValues {

    private FuzzValues() {
    }

    /** Path parameter values, as they go into the path: raw, percent-encoded or not. */
    static final List<String> PATH_VALUES = List.of("not-a-uuid", "", "%20", "%00", "..%2F..%2Fetc",
            "%2e%2e", "a%2Fb", "x".repeat(1000), "%C0%AF", "%FF", "%E2%80%AE", "12345678901234567890", "-1",
            "current", "CUSTOMER", "customer", "null", "%ZZ", "caf\u00e9", "%F0%9F%98%80", "{id}",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "%7B%7D", "a;b", "%5C",
            "6f1c7f5e-0b8f-4a5e-9d51-2b2f0c8d1e11%00", "..");

    /** Query parameter values, as they go into the query. */
    static final List<String> QUERY_VALUES = List.of("-1", "2147483648", "99999999999999999999", "abc", "0",
            "101", "1e2", "1.5", "", "%00", "%C0%AF", "%FF", "%ZZ", "x".repeat(201), "x".repeat(3000), "*",
            "%22%5C", "a%20AND%20b%20OR%20(c", "%F0%9F%98%80", "%E2%80%AE", "%2B1", "true", "[]", "%0A");

    /** Whole query pairs: repeated, unknown, without a value. */
    static final List<String> QUERY_EXTRAS = List.of("page=1&page=2", "unknown=1", "q", "&&", "=x", "q=a=b",
            "%71=mug");

    /** {name, value} replaces the header ({@code <none>} removes it); {name, value, "add"} sends it once more. */
    static final List<String[]> HEADER_CHANGES = List.of(
            new String[]{"Idempotency-Key", "<none>"}, new String[]{"Idempotency-Key", ""},
            new String[]{"Idempotency-Key", "<long>"}, new String[]{"Idempotency-Key", "<latin1>"},
            new String[]{"Idempotency-Key", "<utf8>"}, new String[]{"Idempotency-Key", "<c1>"},
            new String[]{"Idempotency-Key", "a b"}, new String[]{"Idempotency-Key", "<uuid>", "add"},
            new String[]{"If-Match", ""}, new String[]{"If-Match", "W/\"0\""}, new String[]{"If-Match", "0"},
            new String[]{"If-Match", "\"-1\""}, new String[]{"If-Match", "\"0\", \"1\""},
            new String[]{"If-Match", "\"99999999999999999999\""}, new String[]{"If-Match", "*"},
            new String[]{"If-Match", "\"7\""}, new String[]{"If-Match", "<c1>"},
            new String[]{"Authorization", "Bearer"}, new String[]{"Authorization", "Bearer "},
            new String[]{"Authorization", "Bearer a b"}, new String[]{"Authorization", "Basic YTpi"},
            new String[]{"Authorization", "<huge-token>"}, new String[]{"Authorization", "Bearer x", "add"},
            new String[]{"Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."},
            new String[]{"Authorization", "<utf8>"},
            new String[]{"X-Device-Id", "<long>"}, new String[]{"X-Device-Id", "<utf8>"},
            new String[]{"X-Correlation-Id", "<latin1>"}, new String[]{"X-Correlation-Id", "<uuid>", "add"},
            new String[]{"Accept", "text/html"}, new String[]{"Accept", "application/xml"},
            new String[]{"Accept", "*/*;q=0"}, new String[]{"Accept", "garbage"},
            new String[]{"Content-Encoding", "gzip"}, new String[]{"X-Forwarded-For", "1.2.3.4"},
            new String[]{"Content-Type", "<none>"}, new String[]{"Content-Type", "text/plain"},
            new String[]{"Content-Type", "application/xml"}, new String[]{"Content-Type", "application/json;charset=ISO-8859-1"},
            new String[]{"Content-Type", "application/json;charset=bogus"}, new String[]{"Content-Type", "application/json, text/plain"},
            new String[]{"Content-Type", ""}, new String[]{"Content-Type", "application/"},
            new String[]{"Content-Type", "*/*"}, new String[]{"Content-Type", "application/merge-patch+json"},
            new String[]{"Content-Type", "multipart/form-data; boundary=x"},
            new String[]{"Content-Type", "application/x-www-form-urlencoded"});

    /** JSON a field gets instead of its own value: other types, extreme numbers, invalid literals. */
    static final List<String> WRONG_VALUES = List.of("42", "-1", "0", "1.5", "1e400", "-1e400",
            "123456789012345678901234567890", "-9223372036854775809", "9223372036854775807", "true", "false",
            "null", "\"\"", "\" \"", "[]", "{}", "[1,2]", "{\"a\":1}", "\"1299\"", "\"true\"", "<deep>", "NaN",
            "Infinity", "0x10", "01", "'single'", "\"unterminated");

    /** Strings at the edges of Unicode and of what a store or a log takes. */
    static final List<String> TEXT_EDGES = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"😀\"", "\"e\\u0301\"", "\"\\u202e\"", "\"\\uffff\"", "\"\\ufeff\"",
            "\"\\u200b\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE account; --\"", "\"../../etc/passwd\"",
            "\"\\\\\"", "\"%00\"", "\"\\t\\n\\r\"", "<long text>", "<overlong />", "<overlong DEL>",
            "<lone continuation>", "<utf-8 surrogate>", "<truncated>", "<raw control>", "\"ünïcödé\"", "\"中文\"");

    /** Bodies that are not a well-formed object of the operation's schema. */
    static final List<String> WHOLE_BODIES = List.of("<empty>", "null", "[]", "\"x\"", "42", "{", "{}",
            "{}}", "{} x", "{\"a\":}", "{'a':1}", "{a:1}", "/* c */{}", "{\"a\":1,}", "NaN", "<bom>", "<utf-16>",
            "<70 KB>", "<deep>", "<overlong>", "<duplicate first key>", "{\"a\":1}", "[{}]", " ", "\u0000");

    /** Methods for any path, well-known, unknown and misspelt. */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
            "TRACE", "FOO", "get", "CONNECT");
}
