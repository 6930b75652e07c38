package dev.keel.app.bounds;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.command.account.IdentityProperties;
import dev.keel.testing.ClientAddresses;
import dev.keel.testing.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.keel.testing.IdentityFixtures.newDevice;
import static dev.keel.testing.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins count against the client's address before the password is checked, not after. */
class LoginBurstIntegrationTest extends KeelIntegrationTest {

    @Autowired
    ClientAddresses addresses;
    @Autowired
    IdentityProperties properties;

    /**
     * Unknown emails, each once, so no account lockout answers first. Answers of 503 (the password
     * checks were busy) are sent again, as an attacker would, until every attempt had its answer.
     */
    @Test
    void aParallelBurstOfWrongPasswordsFromOneAddressGetsExactlyTheConfiguredNumberThrough() {
        int limit = properties.ipThrottle().attempts();
        WebTestClient client = addresses.from(ClientAddresses.unique());
        List<String> pending = new ArrayList<>(IntStream.range(0, limit + 20).mapToObj(i -> uniqueEmail()).toList());
        int checked = 0;
        int refused = 0;
        for (int round = 0; !pending.isEmpty(); round++) {
            assertThat(round).as("rounds until every attempt was answered").isLessThan(50);
            List<String> sent = List.copyOf(pending);
            List<Integer> statuses = Concurrently.run(sent.size(), i -> client.post().uri("/v1/sessions")
                    .bodyValue(Map.of("email", sent.get(i), "password", "not the password 1", "deviceId", newDevice()))
                    .exchange().returnResult(Void.class).getStatus().value());
            pending.clear();
            for (int i = 0; i < sent.size(); i++) {
                switch (statuses.get(i)) {
                    case 401 -> checked++;
                    case 429 -> refused++;
                    case 503 -> pending.add(sent.get(i));
                    default -> throw new AssertionError("Unexpected status " + statuses.get(i));
                }
            }
        }
        assertThat(checked).as("attempts whose password was checked").isEqualTo(limit);
        assertThat(refused).isEqualTo(20);
    }
}
