package dev.keel.command.privacy;

import dev.keel.api.account.AccountId;
import dev.keel.api.account.ErasureReason;
import dev.keel.api.metadata.MetadataKeys;
import dev.keel.command.account.EraseAccount;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erases accounts nobody used for longer than {@code keel.retention.dormant-accounts} (storage
 * limitation: data kept only as long as it serves its purpose), as the holder's own erasure would,
 * with {@link ErasureReason#DORMANT}. One command node at a time sweeps (an advisory lock), so several
 * nodes never erase one account twice at once; erasing twice would change nothing anyway.
 */
@Component
class DormantAccounts {

    private static final Logger log = LoggerFactory.getLogger(DormantAccounts.class);
    private static final long LOCK = 0x6b65656c_646f726dL;
    private static final int PER_SWEEP = 500;
    private static final MetaData SYSTEM = MetaData.with(MetadataKeys.ACTOR, "system:dormant-accounts")
            .and(MetadataKeys.ROLES, List.of());

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final RetentionProperties retention;

    DormantAccounts(JdbcClient jdbc, CommandGateway commands, PlatformTransactionManager transactions,
                    RetentionProperties retention) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactions);
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${keel.retention.dormant-check-interval:PT1H}", initialDelayString = "PT5M")
    void sweep() {
        sweep(Instant.now());
    }

    /** @return the accounts erased now; empty when off, or while another node sweeps */
    List<AccountId> sweep(Instant now) {
        if (retention.dormantAccounts().isZero()) {
            return List.of();
        }
        Instant cutoff = now.minus(retention.dormantAccounts());
        List<AccountId> erased = transaction.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return List.of();
            }
            List<AccountId> done = new ArrayList<>();
            for (UUID account : dormantSince(cutoff)) {
                AccountId accountId = new AccountId(account);
                try {
                    commands.sendAndWait(new EraseAccount(accountId, ErasureReason.DORMANT), SYSTEM);
                    done.add(accountId);
                } catch (RuntimeException refused) {
                    log.warn("Dormant account {} was not erased: {}", accountId, refused.getMessage());
                }
            }
            return done;
        });
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
