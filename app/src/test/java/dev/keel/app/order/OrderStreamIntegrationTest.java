package dev.keel.app.order;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.command.order.PaymentStandIn;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.Processors;
import dev.keel.testing.SseClient;
import dev.keel.testing.SseClient.Event;
import dev.keel.testing.Storefront;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /v1/orders/stream: my order changes as Server-Sent Events, resumable with Last-Event-ID. */
class OrderStreamIntegrationTest extends KeelIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Storefront shop;
    @Autowired
    CommandGateway gateway;
    @Autowired
    Processors processors;

    private Session customer;
    private String product;

    @BeforeEach
    void shopping() {
        customer = identity.newCustomer();
        product = shop.product("Streamed lamp", 1_000, null, null);
    }

    @Test
    void everyChangeOfMyOrderArrivesNamedByItsPositionAndType() {
        try (SseClient stream = connect(customer.accessToken(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

            String order = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
            PaymentStandIn.pay(gateway, order);
            staff(order, "fulfilment");
            staff(order, "delivery");

            List<Event> events = next(stream, 4);
            assertThat(events).extracting(Event::event)
                    .containsExactly("OrderPlaced", "OrderPaid", "OrderFulfilmentStarted", "OrderDelivered");
            assertThat(events).extracting(event -> Long.parseLong(event.id()))
                    .containsExactlyElementsOf(processors.positionsOf(List.of(order)));
            assertThat(data(events.getLast())).containsEntry("orderId", order).containsEntry("status", "DELIVERED")
                    .containsEntry("version", 3).containsKey("occurredAt");
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissedInOrderWithoutDuplicatesThenLiveChanges() {
        String first;
        String lastEventId;
        try (SseClient stream = connect(customer.accessToken(), null)) {
            first = (String) shop.place(customer.accessToken(), product, 1).get("orderId");
            lastEventId = next(stream, 1).getFirst().id();
        }
        shop.cancel(customer.accessToken(), first);
        String second = (String) shop.place(customer.accessToken(), product, 2).get("orderId");
        String third = (String) shop.place(customer.accessToken(), product, 3).get("orderId");
        shop.awaitOrder(customer.accessToken(), third, 0);

        try (SseClient resumed = connect(customer.accessToken(), lastEventId)) {
            List<Event> missed = next(resumed, 3);
            assertThat(missed).extracting(event -> data(event).get("orderId") + " " + event.event())
                    .containsExactly(first + " OrderCancelled", second + " OrderPlaced", third + " OrderPlaced");

            shop.cancel(customer.accessToken(), second);
            Event live = resumed.nextEvent(WAIT);
            assertThat(live.event()).isEqualTo("OrderCancelled");
            assertThat(data(live)).containsEntry("orderId", second).containsEntry("version", 1);

            List<String> ids = new ArrayList<>(missed.stream().map(Event::id).toList());
            ids.add(live.id());
            assertThat(ids).doesNotHaveDuplicates().doesNotContain(lastEventId);
            assertThat(resumed.nextEvent(Duration.ofSeconds(3))).as("nothing sent twice").isNull();
        }
    }

    @Test
    void anotherCustomersOrdersNeverReachMyStreamLiveOrResumed() {
        Session other = identity.newCustomer();
        try (SseClient mine = connect(customer.accessToken(), null)) {
            String theirs = (String) shop.place(other.accessToken(), product, 1).get("orderId");
            shop.cancel(other.accessToken(), theirs);
            String own = (String) shop.place(customer.accessToken(), product, 1).get("orderId");

            Event first = mine.nextEvent(WAIT);
            assertThat(data(first)).containsEntry("orderId", own);

            long theirFirst = processors.positionsOf(List.of(theirs)).getFirst();
            try (SseClient resumed = connect(customer.accessToken(), Long.toString(theirFirst))) {
                Event only = resumed.nextEvent(WAIT);
                assertThat(data(only)).containsEntry("orderId", own);
            }
        }
    }

    @Test
    void heartbeatCommentsKeepAnIdleStreamOpen() {
        try (SseClient stream = connect(customer.accessToken(), null)) {
            List<String> comments = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Event block = stream.nextBlock(WAIT);
                assertThat(block).isNotNull();
                comments.addAll(block.comments());
            }
            assertThat(comments).contains("connected", "keep-alive");
        }
    }

    @Test
    void theStreamEndsWithTokenExpiredWhenTheAccessTokenDoes() {
        Instant now = Instant.now();
        // every token names Keel's audience; 10 s leaves a loaded machine time to open the stream first
        String shortLived = tokens.encode(JwtClaimsSet.builder().issuer("keel").audience(List.of("keel"))
                .subject(customer.accountId()).issuedAt(now).expiresAt(now.plusSeconds(10))
                .claim("roles", List.of("CUSTOMER")).build());
        try (SseClient stream = connect(shortLived, null)) {
            Event last = stream.nextEvent(WAIT);
            assertThat(last.event()).isEqualTo("token-expired");
            assertThat(last.id()).as("the position to resume from stays the last order event's").isNull();
        }
    }

    @Test
    void aStreamNeedsATokenAndALastEventIdItCanRead() {
        try (SseClient anonymous = connect(null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        try (SseClient garbled = connect(customer.accessToken(), "yesterday")) {
            assertThat(garbled.status()).isEqualTo(400);
        }
    }

    /** What the stream answers is text/event-stream, and the other reads answer JSON: Accept must allow it. */
    @Test
    void anAcceptThatRulesOutWhatAnOperationAnswersIsNotAcceptable() {
        web.get().uri("/v1/orders/stream").headers(h -> h.setBearerAuth(customer.accessToken()))
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-acceptable");
        web.get().uri("/v1/orders").headers(h -> h.setBearerAuth(customer.accessToken()))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isEqualTo(406)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-acceptable");
    }

    private SseClient connect(String accessToken, String lastEventId) {
        return SseClient.connect("http://localhost:" + port + "/v1/orders/stream", accessToken, lastEventId);
    }

    private void staff(String order, String change) {
        web.post().uri("/v1/orders/{id}/" + change, order).headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange().expectStatus().isOk();
    }

    static List<Event> next(SseClient stream, int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Event event = stream.nextEvent(WAIT);
            assertThat(event).as("event " + (i + 1) + " of " + count + " after " + events).isNotNull();
            events.add(event);
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Event event) {
        return JSON.readValue(event.data(), Map.class);
    }
}
