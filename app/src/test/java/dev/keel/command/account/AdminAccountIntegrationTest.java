package dev.keel.command.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.command.password.PasswordPolicy;
import dev.keel.command.password.Passwords;
import dev.keel.testing.CatalogFixtures;
import dev.keel.testing.IdentityFixtures;
import dev.keel.testing.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** In this package because the bootstrap is package-private; it runs against the shared context. */
class AdminAccountIntegrationTest extends KeelIntegrationTest {

    private static final String CONFIGURED_PASSWORD = "an admin password for tests";

    @Autowired
    IdentityProperties properties;
    @Autowired
    AccountLookup lookup;
    @Autowired
    BlindIndex index;
    @Autowired
    PasswordPolicy policy;
    @Autowired
    Passwords passwords;
    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFailedLogins() {
        identity.forgetClientAddress();
    }

    @Test
    void anAddressSomebodyRegisteredFirstDoesNotMakeTheirAccountStaff() {
        String email = IdentityFixtures.uniqueEmail();
        identity.register(email, IdentityFixtures.PASSWORD, "Early Bird");
        String squatter = lookup.byEmail(email).orElseThrow().toString();

        adminFrom(email).ensure();

        assertThat(rolesGranted(squatter)).isZero();
        String squattersToken = tokens.forUser(squatter, "CUSTOMER");
        web.patch().uri("/v1/me").headers(h -> h.setBearerAuth(squattersToken))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("displayName", "Still Early Bird")).exchange()
                .expectStatus().isNoContent();
        var me = identity.awaitMe(squattersToken, view -> view.get("displayName").equals("Still Early Bird"));
        assertThat(me.get("roles")).as("after every earlier event of the account").isEqualTo(List.of("CUSTOMER"));
        identity.loginAttempt(email, CONFIGURED_PASSWORD, IdentityFixtures.newDevice()).expectStatus().isUnauthorized();
    }

    @Test
    void theAccountStartUpCreatedIsStaffAndStaysSoOnTheNextStart() {
        String email = IdentityFixtures.uniqueEmail();
        adminFrom(email).ensure();
        String admin = lookup.byEmail(email).orElseThrow().toString();
        adminFrom(email).ensure();

        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'dev.keel.api.account.AccountRegistered'")
                .param(admin).query(Integer.class).single()).isEqualTo(1);
        assertThat(rolesGranted(admin)).as("granting STAFF again changes nothing").isZero();
        var session = identity.login(email, CONFIGURED_PASSWORD, IdentityFixtures.newDevice());
        assertThat(session.accountId()).isEqualTo(admin);
        assertThat(TestTokens.claims(session.accessToken()).get("roles")).isEqualTo(List.of("CUSTOMER", "STAFF"));
        identity.awaitMe(session.accessToken(), me -> me.get("roles").equals(List.of("CUSTOMER", "STAFF"))
                && me.get("emailVerified").equals(true));
        catalog.createProduct(CatalogFixtures.productRequest(CatalogFixtures.uniqueSku(), "Made by the admin", 100, "EUR"),
                session.accessToken());
    }

    private AdminAccount adminFrom(String email) {
        var configured = new IdentityProperties(properties.argon2(), properties.password(), properties.lockout(),
                properties.ipThrottle(), properties.refreshTokenTtl(), properties.verificationTtl(),
                properties.resetTtl(), new IdentityProperties.Admin(email, CONFIGURED_PASSWORD));
        return new AdminAccount(configured, lookup, index, policy, passwords, gateway);
    }

    private int rolesGranted(String accountId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'dev.keel.api.account.RoleGranted'")
                .param(accountId).query(Integer.class).single();
    }
}
