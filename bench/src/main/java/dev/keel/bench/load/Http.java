package dev.keel.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The load generator's HTTP client: HTTP/1.1 keep-alive connections, one per request in flight. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    public static HttpClient client() {
        return CLIENT;
    }

    /** Sends and checks the status; a wrong one fails with the answer, for the phase's error message. */
    public static HttpResponse<byte[]> expect(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " (expected " + status + "): " + new String(response.body()));
        }
        return response;
    }
}
