package dev.keel.command.account;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.Role;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.command.password.PasswordPolicy;
import dev.keel.command.password.Passwords;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The first STAFF account, from {@code KEEL_ADMIN_EMAIL} and {@code KEEL_ADMIN_PASSWORD}: created at
 * start-up when no account has that email, made sure to be STAFF on later starts. An account somebody
 * else registered with that address first is left as it is, with a warning. Safe on several nodes at once:
 * the account id is derived from the email's blind index, so they all create the same account and
 * only one creation can succeed.
 */
@Component
class AdminAccount {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    private static final String ACTOR = "system:admin-bootstrap";

    private final IdentityProperties properties;
    private final AccountLookup lookup;
    private final BlindIndex index;
    private final PasswordPolicy policy;
    private final Passwords passwords;
    private final CommandGateway gateway;

    AdminAccount(IdentityProperties properties, AccountLookup lookup, BlindIndex index, PasswordPolicy policy,
                 Passwords passwords, CommandGateway gateway) {
        this.properties = properties;
        this.lookup = lookup;
        this.index = index;
        this.policy = policy;
        this.passwords = passwords;
        this.gateway = gateway;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        var admin = properties.admin();
        if (!StringUtils.hasText(admin.email()) || !StringUtils.hasText(admin.password())) {
            return;
        }
        AccountId accountId = new AccountId(UUID.nameUUIDFromBytes(("keel-admin:" + index.ofEmail(admin.email()))
                .getBytes(StandardCharsets.UTF_8)));
        var existing = lookup.byEmail(admin.email());
        if (existing.isPresent()) {
            if (existing.get().equals(accountId)) {
                gateway.sendAndWait(new GrantRole(accountId, Role.STAFF), system());
            } else {
                // Somebody registered the address first, perhaps before the variable was set: making
                // that account STAFF would hand the catalog and every role to whoever did.
                log.warn("KEEL_ADMIN_EMAIL belongs to account {}, which start-up did not create; it is not made"
                        + " STAFF. Grant the role from a STAFF account, or choose another address", existing.get());
            }
            return;
        }
        policy.check("KEEL_ADMIN_PASSWORD", admin.password(), admin.email());
        try {
            gateway.sendAndWait(new RegisterAccount(accountId, admin.email().trim(), "Administrator",
                    passwords.hash(admin.password()).block(), null, true, Set.of(Role.CUSTOMER, Role.STAFF), UUID.randomUUID(),
                    Instant.now()), system());
            log.info("Created the first STAFF account {} from KEEL_ADMIN_EMAIL", accountId);
        } catch (RuntimeException anotherNodeWasFirst) {
            if (lookup.byEmail(admin.email()).isEmpty()) {
                throw anotherNodeWasFirst;
            }
        }
    }

    private static MetaData system() {
        return MetaData.with(MetadataKeys.ACTOR, ACTOR).and(MetadataKeys.ROLES, List.of());
    }
}
