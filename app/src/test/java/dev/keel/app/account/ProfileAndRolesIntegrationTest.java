package dev.keel.app.account;

import dev.keel.api.account.ProfileChanged;
import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.account.RoleGranted;
import dev.keel.api.account.RoleRevoked;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures.Session;
import dev.keel.testing.TestTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.keel.testing.IdentityFixtures.newDevice;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileAndRolesIntegrationTest extends KeelIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void iSeeAndChangeMyOwnProfileOnly() {
        Session me = identity.newCustomer();
        Session other = identity.newCustomer();

        web.patch().uri("/v1/me")
                .headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("displayName", "Renamed Me"))
                .exchange()
                .expectStatus().isNoContent();

        identity.awaitMe(me.accessToken(), view -> view.get("displayName").equals("Renamed Me"));
        var theirs = identity.awaitMe(other.accessToken(), view -> true);
        assertThat(theirs.get("accountId")).isEqualTo(other.accountId());
        assertThat(theirs.get("displayName")).isEqualTo("Test Customer");
    }

    @Test
    void anotherNameUnderTheSameKeyIsRefusedNotSilentlyIgnored() {
        Session me = identity.newCustomer();
        String key = UUID.randomUUID().toString();
        for (String name : new String[]{"First Name", "First Name"}) {
            web.patch().uri("/v1/me").headers(h -> h.setBearerAuth(me.accessToken())).header("Idempotency-Key", key)
                    .bodyValue(Map.of("displayName", name)).exchange()
                    .expectStatus().isNoContent();
        }
        web.patch().uri("/v1/me").headers(h -> h.setBearerAuth(me.accessToken())).header("Idempotency-Key", key)
                .bodyValue(Map.of("displayName", "Second Name")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused");

        assertThat(profileChanges(me.accountId())).as("the retry and the refused change appended nothing")
                .containsExactly("First Name");
    }

    @Test
    void aBlankDisplayNameIsRefusedNamingTheField() {
        Session me = identity.newCustomer();
        web.patch().uri("/v1/me")
                .headers(h -> h.setBearerAuth(me.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("displayName", " "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("displayName");
        assertThat(profileChanges(me.accountId())).isEmpty();
    }

    @Test
    void theConfiguredAdminIsStaffAndGrantsRolesThatTheNextRefreshCarries() {
        Session admin = identity.login(ADMIN_EMAIL, ADMIN_PASSWORD, newDevice());
        assertThat(TestTokens.claims(admin.accessToken()).get("roles")).isEqualTo(List.of("CUSTOMER", "STAFF"));
        Session analyst = identity.newCustomer();

        web.put().uri("/v1/accounts/{id}/roles/ANALYST", analyst.accountId())
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isNoContent();

        Session refreshed = identity.refresh(analyst);
        assertThat(TestTokens.claims(refreshed.accessToken()).get("roles"))
                .isEqualTo(List.of("ANALYST", "CUSTOMER"));
        identity.awaitMe(refreshed.accessToken(), view -> ((List<?>) view.get("roles")).contains("ANALYST"));
    }

    @Test
    void aCustomerCannotGrantRoles() {
        Session customer = identity.newCustomer();
        web.put().uri("/v1/accounts/{id}/roles/STAFF", customer.accountId())
                .headers(h -> h.setBearerAuth(customer.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");

        assertThat(events(customer.accountId())).noneMatch(event -> event instanceof RoleGranted);
        assertThat(TestTokens.claims(identity.refresh(customer).accessToken()).get("roles")).isEqualTo(List.of("CUSTOMER"));
    }

    @Test
    void staffRevokesARoleThatTheNextRefreshNoLongerCarries() {
        Session admin = identity.login(ADMIN_EMAIL, ADMIN_PASSWORD, newDevice());
        Session analyst = identity.newCustomer();
        role(HttpMethod.PUT, admin, analyst.accountId(), "ANALYST").expectStatus().isNoContent();
        Session granted = identity.refresh(analyst);
        assertThat(roles(granted)).isEqualTo(List.of("ANALYST", "CUSTOMER"));

        role(HttpMethod.DELETE, admin, analyst.accountId(), "ANALYST").expectStatus().isNoContent();

        Session revoked = identity.refresh(granted);
        assertThat(roles(revoked)).isEqualTo(List.of("CUSTOMER"));
        identity.awaitMe(revoked.accessToken(), view -> view.get("roles").equals(List.of("CUSTOMER")));
        assertThat(events(analyst.accountId())).filteredOn(event -> event instanceof RoleRevoked)
                .containsExactly(new RoleRevoked(AccountId.of(analyst.accountId()), Role.ANALYST));
    }

    @Test
    void revokingARoleTheAccountDoesNotHaveChangesNothing() {
        Session customer = identity.newCustomer();
        role(HttpMethod.DELETE, identity.login(ADMIN_EMAIL, ADMIN_PASSWORD, newDevice()), customer.accountId(), "ANALYST")
                .expectStatus().isNoContent();
        assertThat(events(customer.accountId())).noneMatch(event -> event instanceof RoleRevoked);
    }

    /** One mistyped id would lock a STAFF member out of their own powers; another STAFF member decides. */
    @Test
    void staffCannotRevokeTheirOwnStaffButAnotherStaffAccountCan() {
        Session admin = identity.login(ADMIN_EMAIL, ADMIN_PASSWORD, newDevice());
        Session colleague = identity.newCustomer();
        role(HttpMethod.PUT, admin, colleague.accountId(), "STAFF").expectStatus().isNoContent();
        Session asStaff = identity.refresh(colleague);

        role(HttpMethod.DELETE, asStaff, colleague.accountId(), "STAFF")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/own-staff-role");
        Session stillStaff = identity.refresh(asStaff);
        assertThat(roles(stillStaff)).isEqualTo(List.of("CUSTOMER", "STAFF"));

        role(HttpMethod.DELETE, admin, colleague.accountId(), "STAFF").expectStatus().isNoContent();
        assertThat(roles(identity.refresh(stillStaff))).isEqualTo(List.of("CUSTOMER"));
    }

    @Test
    void aCustomerCannotRevokeRoles() {
        Session customer = identity.newCustomer();
        role(HttpMethod.DELETE, customer, customer.accountId(), "CUSTOMER")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/forbidden");

        assertThat(events(customer.accountId())).noneMatch(event -> event instanceof RoleRevoked);
        assertThat(roles(identity.refresh(customer))).isEqualTo(List.of("CUSTOMER"));
    }

    @Test
    void grantingAnUnknownRoleIsABadRequest() {
        web.put().uri("/v1/accounts/{id}/roles/EMPEROR", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(tokens.staff()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("role");
    }

    @Test
    void aTokenOfNoAccountHasNoProfile() {
        web.get().uri("/v1/me").headers(h -> h.setBearerAuth(tokens.customer()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    private WebTestClient.ResponseSpec role(HttpMethod method, Session as, String accountId, String role) {
        return web.method(method).uri("/v1/accounts/{id}/roles/{role}", accountId, role)
                .headers(h -> h.setBearerAuth(as.accessToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .exchange();
    }

    private static Object roles(Session session) {
        return TestTokens.claims(session.accessToken()).get("roles");
    }

    private List<Object> events(String accountId) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(accountId).forEachRemaining(event -> payloads.add(event.getPayload()));
        return payloads;
    }

    private List<String> profileChanges(String accountId) {
        return events(accountId).stream().filter(event -> event instanceof ProfileChanged)
                .map(event -> ((ProfileChanged) event).displayName()).toList();
    }
}
