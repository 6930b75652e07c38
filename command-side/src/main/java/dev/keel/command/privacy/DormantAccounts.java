package dev.keel.command.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.ErasureReason;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.command.account.EraseAccount;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erases accounts nobody used for longer than {@code keel.retention.dormant-accounts} (storage
 * limitation: data kept only as long as it serves its purpose), as the holder's own erasure would,
 * with {@link ErasureReason#DORMANT}. Every command node sweeps, without coordinating: an account two
 * nodes erase at once is erased once (the aggregate serialises the commands, and erasing an erased
 * account changes nothing). Each erasure is its own command and transaction, so one refused (the
 * last STAFF account) stops no other.
 */
@Component
class DormantAccounts {

    private static final Logger log = LoggerFactory.getLogger(DormantAccounts.class);
    private static final int PER_SWEEP = 500;
    private static final MetaData SYSTEM = MetaData.with(MetadataKeys.ACTOR, "system:dormant-accounts")
            .and(MetadataKeys.ROLES, List.of());

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final RetentionProperties retention;
    private final Clock clock;

    @Autowired
    DormantAccounts(JdbcClient jdbc, CommandGateway commands, RetentionProperties retention) {
        this(jdbc, commands, retention, Clock.systemUTC());
    }

    DormantAccounts(JdbcClient jdbc, CommandGateway commands, RetentionProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${keel.retention.dormant-check-interval:PT1H}", initialDelayString = "PT5M")
    void scheduledSweep() {
        sweep();
    }

    /** @return the accounts erased now; none when the retention is zero (off) */
    List<AccountId> sweep() {
        if (retention.dormantAccounts().isZero()) {
            return List.of();
        }
        Instant cutoff = clock.instant().minus(retention.dormantAccounts());
        List<AccountId> erased = new ArrayList<>();
        for (UUID account : dormantSince(cutoff)) {
            AccountId accountId = new AccountId(account);
            try {
                commands.sendAndWait(new EraseAccount(accountId, ErasureReason.DORMANT), SYSTEM);
                erased.add(accountId);
            } catch (RuntimeException refused) {
                log.warn("Dormant account {} was not erased: {}", accountId, refused.getMessage());
            }
        }
        if (!erased.isEmpty()) {
            log.info("Erased {} accounts unused since before {}", erased.size(), cutoff);
        }
        return erased;
    }

    private List<UUID> dormantSince(Instant cutoff) {
        return jdbc.sql("""
                        SELECT account_id FROM account_activity WHERE last_active_at < ?
                        ORDER BY last_active_at LIMIT ?""")
                .params(cutoff.atOffset(ZoneOffset.UTC), PER_SWEEP)
                .query(UUID.class)
                .list();
    }
}
