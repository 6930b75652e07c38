package dev.keel.app.web;

import dev.keel.testing.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One request the fuzzer sends, kept whole so a finding can be reported as it went out.
 *
 * @param target      the request target as sent; characters up to U+00FF stand for one byte each
 * @param contentType {@code null} to send no Content-Type
 * @param mutation    what was changed from a well-formed request, for the report
 */
record FuzzedRequest(String method, String target, List<Header> headers, String contentType, byte[] body,
                     String mutation) {

    record Header(String name, byte[] value) {

        static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    RawHttp.Response sendWith(RawHttp raw) {
        RawHttp.Request request = raw.request(method, target);
        headers.forEach(header -> request.header(header.name(), header.value()));
        if (contentType != null) {
            request.body(contentType, body);
        } else {
            request.body(body);
        }
        return request.send();
    }

    FuzzedRequest with(String newMethod, String newTarget, List<Header> newHeaders, String newContentType,
                       byte[] newBody, String newMutation) {
        return new FuzzedRequest(newMethod, newTarget, newHeaders, newContentType, newBody, newMutation);
    }

    FuzzedRequest withHeaders(List<Header> newHeaders, String newMutation) {
        return with(method, target, newHeaders, contentType, body, newMutation);
    }

    FuzzedRequest withBody(String newContentType, byte[] newBody, String newMutation) {
        return with(method, target, headers, newContentType, newBody, newMutation);
    }

    List<Header> headersWithout(String name) {
        List<Header> kept = new ArrayList<>(headers);
        kept.removeIf(header -> header.name().equalsIgnoreCase(name));
        return kept;
    }

    /** The request as a reader of the report needs it: shortened, bytes outside printable ASCII as hex. */
    String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(shorten(printable(
                target.getBytes(StandardCharsets.ISO_8859_1)), 300)).append("  [").append(mutation).append("]");
        for (Header header : headers) {
            String value = header.name().equalsIgnoreCase("Authorization") ? "<token>" : printable(header.value());
            text.append("\n    ").append(header.name()).append(": ").append(shorten(value, 200));
        }
        if (contentType != null) {
            text.append("\n    Content-Type: ").append(contentType);
        }
        if (body.length > 0) {
            text.append("\n    body (").append(body.length).append(" bytes): ").append(shorten(printable(body), 400));
        }
        return text.toString();
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                text.append((char) c);
            } else {
                text.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
            }
        }
        return text.toString();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + ")";
    }
}
