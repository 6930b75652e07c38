package dev.keel.app.audit;

import dev.keel.app.roles.ConditionalOnNodeRole;
import dev.keel.app.roles.NodeRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps audit records for {@code keel.audit.retention} ({@code KEEL_AUDIT_RETENTION}; zero, the
 * default, keeps them for ever), by deleting the chain's oldest records and leaving a signed
 * checkpoint. Runs on the nodes that write the trail; nodes that run at once take turns on a lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnNodeRole(NodeRole.PROJECTIONS)
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditPruning pruning;
    private final Duration retention;
    private final Clock clock;

    @Autowired
    AuditRetention(AuditPruning pruning, @Value("${keel.audit.retention:0s}") Duration retention) {
        this(pruning, retention, Clock.systemUTC());
    }

    AuditRetention(AuditPruning pruning, Duration retention, Clock clock) {
        this.pruning = pruning;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${keel.audit.retention-check-interval:PT1H}", initialDelayString = "PT5M")
    void scheduledSweep() {
        sweep();
    }

    /** @return the new checkpoint; empty when the retention is zero (off) or nothing is old enough */
    Optional<AuditCheckpoint> sweep() {
        if (retention.isZero() || retention.isNegative()) {
            return Optional.empty();
        }
        Optional<AuditCheckpoint> checkpoint = pruning.pruneBefore(clock.instant().minus(retention), clock.instant());
        checkpoint.ifPresent(pruned -> log.info("Deleted {} audit records older than {}; the chain now starts after "
                + "record {}", pruned.recordsPruned(), retention, pruned.chainPosition()));
        return checkpoint;
    }
}
