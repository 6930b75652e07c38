package dev.keel.testing;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The tests' client reads answers of up to 4 MB. It shares the server's codec settings, whose 64 KB
 * limit is for request bodies; the API document alone is larger.
 */
@Component
class LargeAnswers implements WebTestClientBuilderCustomizer {

    @Override
    public void customize(WebTestClient.Builder builder) {
        builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024));
    }
}
