package dev.keel.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"));

    @Test
    void takesTheTokenOfABearerHeaderInAnyCaseOfTheScheme() {
        assertThat(token("Bearer abc.DEF-123_~+/==")).isEqualTo("abc.DEF-123_~+/==");
        assertThat(token("bearer x.y.z")).isEqualTo("x.y.z");
    }

    @Test
    void noBearerHeaderMeansAnonymous() {
        assertThat(convert(MockServerHttpRequest.get("/").build()).block()).isNull();
        assertThat(convert(MockServerHttpRequest.get("/").header("Authorization", "Basic dXNlcg==").build()).block())
                .isNull();
    }

    @Test
    void onAnAnonymousEndpointTheHeaderIsNotRead() {
        var login = MockServerHttpRequest.post("/login").header("Authorization", "Bearer expired.or.not").build();
        assertThat(convert(login).block()).isNull();
        var malformed = MockServerHttpRequest.post("/login").header("Authorization", "Bearer a b").build();
        assertThat(convert(malformed).block()).isNull();
        assertThat(token("Bearer x.y.z")).as("elsewhere it is").isEqualTo("x.y.z");
    }

    @Test
    void refusesMalformedTokens() {
        for (String header : new String[]{"Bearer ", "Bearer a b", "Bearer ===", "Bearer a\"b", "Bearer ä"}) {
            var request = MockServerHttpRequest.get("/").header("Authorization", header).build();
            assertThatThrownBy(() -> convert(request).block()).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
    }

    private String token(String header) {
        var authentication = convert(MockServerHttpRequest.get("/").header("Authorization", header).build()).block();
        return ((BearerTokenAuthenticationToken) authentication).getToken();
    }

    private reactor.core.publisher.Mono<org.springframework.security.core.Authentication> convert(
            MockServerHttpRequest request) {
        return tokens.convert(MockServerWebExchange.from(request));
    }
}
