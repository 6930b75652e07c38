package dev.keel.app.push;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.CommerceFixtures;
import dev.keel.testing.IdentityFixtures.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-app inbox: every notification, pushed or not, paged by cursor, marked read by its owner only. */
class NotificationInboxIntegrationTest extends KeelIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    CommerceFixtures commerce;

    @Test
    void someoneWhoTurnedPushOffStillSeesEveryNotificationAndMarksThemRead() {
        Session me = identity.newCustomer();
        web.put().uri("/v1/me/notification-preferences/ORDER_UPDATES").headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(Map.of("push", false))
                .exchange().expectStatus().isNoContent();
        String product = commerce.product("Inbox test lamp", 999, 10L);
        String first = commerce.placed(me.accessToken(), CommerceFixtures.orderOf(product, 1, null));
        String second = commerce.placed(me.accessToken(), CommerceFixtures.orderOf(product, 1, null));

        List<Map<String, Object>> all = await().atMost(WAIT).until(() -> items(page(me, "size=10")), items -> items.size() == 2);
        assertThat(all).extracting(item -> item.get("subjectId")).containsExactly(second, first);
        assertThat(all).allSatisfy(item -> assertThat(item).containsEntry("kind", "order.PLACED")
                .containsEntry("category", "ORDER_UPDATES").containsEntry("read", false));

        Map<String, Object> one = page(me, "size=1");
        assertThat(items(one)).extracting(item -> item.get("subjectId")).containsExactly(second);
        Map<String, Object> two = page(me, "size=1&cursor=" + one.get("nextCursor"));
        assertThat(items(two)).extracting(item -> item.get("subjectId")).containsExactly(first);
        assertThat(two.get("nextCursor")).isNull();

        Session stranger = identity.newCustomer();
        assertThat(items(page(stranger, "size=10"))).isEmpty();
        web.get().uri("/v1/me/notifications?cursor=" + one.get("nextCursor"))
                .headers(h -> h.setBearerAuth(stranger.accessToken())).exchange().expectStatus().isBadRequest();

        Object firstId = all.get(1).get("notificationId");
        Object secondId = all.get(0).get("notificationId");
        markRead(stranger, secondId);
        markRead(me, firstId);
        await().atMost(WAIT).until(() -> items(page(me, "size=10")), items -> Boolean.TRUE.equals(items.get(1).get("read")));
        assertThat(items(page(me, "size=10")).get(0)).as("marked by someone else").containsEntry("read", false);
    }

    private void markRead(Session session, Object notificationId) {
        web.put().uri("/v1/me/notifications/" + notificationId + "/read").headers(h -> h.setBearerAuth(session.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).exchange().expectStatus().isNoContent();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(Session session, String query) {
        return (Map<String, Object>) web.get().uri("/v1/me/notifications?" + query)
                .headers(h -> h.setBearerAuth(session.accessToken())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
