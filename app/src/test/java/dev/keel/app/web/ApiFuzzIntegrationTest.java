package dev.keel.app.web;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.app.web.ApiOperations.Operation;
import dev.keel.app.web.FuzzedRequest.Header;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends malformed variants of every operation in the served OpenAPI document (wrong types, huge
 * numbers, deep nesting, unicode edge cases, missing and extra fields, bad JSON, bad headers, wrong
 * methods), with and without tokens, and checks the two promises every endpoint makes: no 5xx, and
 * every error is problem+json with a type, a title and its status.
 *
 * <p>Bounded and seeded: {@code -Dkeel.fuzz.requests=1500} (default) requests from
 * {@code -Dkeel.fuzz.seed=<long>} (default: a new seed, printed, so a failure can be replayed).
 * Requests come from 127.0.0.2, so the failed logins they cause do not throttle other tests.
 */
class ApiFuzzIntegrationTest extends KeelIntegrationTest {

    private static final int MAX_FINDINGS = 25;
    /** Requests in flight at once: the order is seeded, the interleaving is not. */
    private static final int SENDERS = 4;

    @Autowired
    RawHttp raw;

    @Test
    void noOperationAnswersA5xxOrAnErrorThatIsNotAProblem() throws UnknownHostException {
        long seed = Long.getLong("keel.fuzz.seed", new Random().nextLong());
        int budget = Integer.getInteger("keel.fuzz.requests", 1500);
        System.out.println("API fuzz: seed " + seed + ", " + budget + " requests (replay with -Dkeel.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);

        JsonNode document = JsonMapper.builder().build().readTree(
                web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                        .expectBody(byte[].class).returnResult().getResponseBody());
        List<Operation> operations = ApiOperations.of(document).all();
        assertThat(operations).hasSizeGreaterThan(10);

        IdentityFixtures.Session customer = identity.newCustomer();
        Map<String, String> knownIds = Map.of(
                "productId", catalog.createProduct("Fuzzed mug", 1299),
                "accountId", customer.accountId(),
                "sessionId", customer.sessionId());
        List<List<Header>> credentials = credentials(customer, random);
        RequestFuzzer fuzzer = new RequestFuzzer(document, random, knownIds);
        RawHttp client = raw.from(InetAddress.getByName("127.0.0.2"));

        List<FuzzedRequest> requests = new ArrayList<>();
        List<Operation> targets = new ArrayList<>();
        for (int i = 0; i < budget; i++) {
            Operation operation = operations.get(i % operations.size());
            targets.add(operation);
            requests.add(fuzzer.next(operation, credentials.get(random.nextInt(credentials.size()))));
        }

        Map<String, String> findings = new ConcurrentSkipListMap<>();
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
        Instant start = Instant.now();
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            for (int i = 0; i < budget; i++) {
                int index = i;
                senders.submit(() -> {
                    FuzzedRequest request = requests.get(index);
                    String key;
                    String answer;
                    try {
                        RawHttp.Response response = request.sendWith(client);
                        statuses.merge(response.status(), 1, Integer::sum);
                        String problem = problemWith(request, response);
                        key = problem == null ? null : response.status() + " " + problem;
                        answer = response.toString();
                    } catch (RuntimeException noAnswer) {
                        key = "no answer";
                        answer = noAnswer.toString();
                    }
                    if (key != null && findings.size() < MAX_FINDINGS) {
                        findings.putIfAbsent(targets.get(index) + " " + key,
                                "#" + index + " " + request.describe() + "\n  -> " + shorten(answer));
                    }
                });
            }
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.println("API fuzz: " + budget + " requests over " + operations.size() + " operations in "
                + took.toMillis() + " ms; statuses " + statuses);

        assertThat(findings).as("seed %d: findings (operation, status, what is wrong -> request and answer)", seed)
                .isEmpty();
    }

    /** No header, valid tokens of each kind (a real session, minted staff and customer), and broken ones. */
    private List<List<Header>> credentials(IdentityFixtures.Session customer, Random random) {
        String user = new UUID(random.nextLong(), random.nextLong()).toString();
        String withSession = tokens.encode(JwtClaimsSet.builder()
                .issuer("keel").audience(List.of(tokens.audience())).subject(user).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900))
                .claim("roles", List.of("CUSTOMER")).claim("sid", new UUID(random.nextLong(), random.nextLong()).toString())
                .build());
        List<String> values = List.of("Bearer " + customer.accessToken(), "Bearer " + customer.accessToken(),
                "Bearer " + tokens.staff(), "Bearer " + tokens.staff(), "Bearer " + tokens.customer(),
                "Bearer " + withSession, "Bearer " + tokens.forUser("not-a-uuid", "CUSTOMER", "STAFF"),
                "Bearer not.a.jwt", "Basic YTpi");
        List<List<Header>> credentials = new ArrayList<>();
        credentials.add(List.of());
        credentials.add(List.of());
        values.forEach(value -> credentials.add(List.of(Header.of("Authorization", value))));
        return credentials;
    }

    /** @return what breaks the error contract, or {@code null} */
    private static String problemWith(FuzzedRequest request, RawHttp.Response response) {
        int status = response.status();
        if (status >= 500) {
            return "server error";
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "error is " + type + ", not problem+json";
        }
        try {
            JsonNode body = response.json();
            if (!body.path("type").isString() || !body.path("title").isString()
                    || body.path("status").asInt() != status) {
                return "problem lacks type, title or its status";
            }
        } catch (RuntimeException unreadable) {
            return "problem body is not JSON";
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
