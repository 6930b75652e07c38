package dev.keel.command.account;

import dev.keel.app.KeelIntegrationTest;
import dev.keel.testing.IdentityFixtures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** In this package because the bootstrap is package-private; it runs against the shared context. */
class AdminAccountIntegrationTest extends KeelIntegrationTest {

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

    @Test
    void anAddressSomebodyRegisteredFirstDoesNotMakeTheirAccountStaff() {
        String email = IdentityFixtures.uniqueEmail();
        identity.register(email, IdentityFixtures.PASSWORD, "Early Bird");
        String squatter = lookup.byEmail(email).orElseThrow().toString();

        adminFrom(email).ensure();

        assertThat(rolesGranted(squatter)).isZero();
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
    }

    private AdminAccount adminFrom(String email) {
        var configured = new IdentityProperties(properties.argon2(), properties.password(), properties.lockout(),
                properties.ipThrottle(), properties.refreshTokenTtl(), properties.verificationTtl(),
                properties.resetTtl(), new IdentityProperties.Admin(email, "an admin password for tests"));
        return new AdminAccount(configured, lookup, index, policy, passwords, gateway);
    }

    private int rolesGranted(String accountId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = 'dev.keel.api.account.RoleGranted'")
                .param(accountId).query(Integer.class).single();
    }
}
