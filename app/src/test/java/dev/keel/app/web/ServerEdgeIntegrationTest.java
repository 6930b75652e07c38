package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server refuses before any controller runs (the HTTP decoder, the request target, Spring
 * Security's firewall) is answered with problem+json too, never an empty body.
 */
class ServerEdgeIntegrationTest extends KeelIntegrationTest {

    @Autowired
    RawHttp raw;

    @Test
    void headersTooLargeAre431() {
        RawHttp.Response response = raw.request("GET", "/v1/products").header("X-Padding", "a".repeat(20_000)).send();

        assertProblem(response, 431, "/problems/request-header-fields-too-large");
    }

    @Test
    void aRequestLineTooLongIs414() {
        RawHttp.Response response = raw.request("GET", "/v1/products?q=" + "a".repeat(10_000)).send();

        assertProblem(response, 414, "/problems/uri-too-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/products/%00", "/v1/products/..%2F..%2Fetc", "/v1/products/a%2Fb",
            "/v1/../v1/products", "/v1/products/%25", "/v1/products;x=1"})
    void pathsTheFirewallRefusesAreProblems(String target) {
        assertProblem(raw.request("GET", target).send(), 400, "/problems/malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/products?q=%ZZ", "/v1/products?q=%", "/v1/products?q=a%2", "/v1/products?q=%C0%AF",
            "/v1/products?q=%ED%A0%80", "/v1/products?q=a b", "/v1/products?q=<x>"})
    void malformedRequestTargetsAreProblems(String target) {
        assertProblem(raw.request("GET", target).send(), 400, "/problems/malformed-request");
    }

    @Test
    void aRequestTargetThatIsNotAsciiIsAProblem() {
        byte[] head = "GET /v1/products?q=caf\u00e9 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                .getBytes(StandardCharsets.UTF_8);

        assertProblem(raw.exchange(head, new byte[0]), 400, "/problems/malformed-request");
    }

    @Test
    void anHttp11RequestWithoutAHostIsAProblem() {
        assertProblem(raw.exchange("GET /v1/products HTTP/1.1\r\nConnection: close\r\n", new byte[0]),
                400, "/problems/malformed-request");
    }

    @Test
    void twoHostsAreAProblem() {
        assertProblem(raw.exchange("GET /v1/products HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n",
                new byte[0]), 400, "/problems/malformed-request");
    }

    @Test
    void aRequestLineThatIsNotHttpIsAProblem() {
        assertProblem(raw.exchange("G(T /v1/products HTTP/1.1\r\nHost: a\r\n", new byte[0]),
                400, "/problems/malformed-request");
    }

    @Test
    void aBodyWithBrokenChunksIsAProblem() {
        String head = "POST /v1/sessions HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n";
        RawHttp.Response response = raw.exchange(head, "ZZ\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertProblem(response, 400, "/problems/malformed-request");
    }

    @Test
    void aHeadRequestStillGetsNoBody() {
        RawHttp.Response response = raw.exchange("HEAD /v1/products/not-a-uuid HTTP/1.1\r\nHost: a\r\n"
                + "Connection: close\r\n", new byte[0]);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aWellFormedRequestOnTheSameConnectionAfterAnotherIsServed() {
        ByteArrayOutputStream pipelined = new ByteArrayOutputStream();
        pipelined.writeBytes("GET /v1/products/not-a-uuid HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        pipelined.writeBytes("GET /v1/products?size=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                .getBytes(StandardCharsets.US_ASCII));

        List<RawHttp.Response> responses = raw.exchangeAll(pipelined.toByteArray(), new byte[0]);

        assertThat(responses).hasSize(2);
        assertProblem(responses.get(0), 400, "/problems/invalid-field");
        assertThat(responses.get(1).status()).isEqualTo(200);
    }

    private static void assertProblem(RawHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).isEqualTo("application/problem+json");
        assertThat(response.json().at("/type").asString()).isEqualTo(type);
        assertThat(response.json().at("/status").asInt()).isEqualTo(status);
        assertThat(response.json().at("/title").asString()).isNotBlank();
        assertThat(response.json().at("/detail").asString()).isNotBlank();
    }
}
