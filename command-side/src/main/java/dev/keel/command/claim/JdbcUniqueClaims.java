package dev.keel.command.claim;

import dev.keel.command.idempotency.EventStoreApart;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims in PostgreSQL. With the event store in PostgreSQL's transaction, a claim is written in the
 * command's transaction and goes with it.
 *
 * <p>With the event store apart (Axon Server), a claim is committed at once, before the command's
 * events can be stored, as data keys are: if the events are stored and the command's PostgreSQL batch is
 * then lost, the stored aggregate still holds its email or SKU, and nobody else can take it before the
 * retry. A claim this command took is given back, in a transaction of its own, when the command fails;
 * a node that dies between the claim and the events leaves it held by an id that has no events, which a
 * retry of the same request (the same id) takes again (docs/axon-server.md, "Two stores").
 */
@Component
class JdbcUniqueClaims implements UniqueClaims, ClaimReleases {

    private final JdbcClient jdbc;
    private final EventStoreApart apart;
    private final TransactionTemplate alone;

    JdbcUniqueClaims(JdbcClient jdbc, EventStoreApart apart, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.apart = apart;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean claim(String scope, String value, String owner) {
        if (!apart.now() || !CurrentUnitOfWork.isStarted()) {
            return insert(scope, value, owner) || owner.equals(ownerOf(scope, value));
        }
        if (Boolean.TRUE.equals(alone.execute(status -> insert(scope, value, owner)))) {
            CurrentUnitOfWork.get().onRollback(failed -> alone.executeWithoutResult(status -> jdbc.sql(
                            "DELETE FROM unique_claim WHERE scope = ? AND value = ? AND owner_id = ?")
                    .params(scope, value, owner).update()));
            return true;
        }
        return owner.equals(ownerOf(scope, value));
    }

    private boolean insert(String scope, String value, String owner) {
        return jdbc.sql("""
                        INSERT INTO unique_claim (scope, value, owner_id) VALUES (?, ?, ?)
                        ON CONFLICT (scope, value) DO NOTHING""")
                .params(scope, value, owner)
                .update() == 1;
    }

    private String ownerOf(String scope, String value) {
        return jdbc.sql("SELECT owner_id FROM unique_claim WHERE scope = ? AND value = ?")
                .params(scope, value)
                .query(String.class)
                .single();
    }

    @Override
    public void releaseAll(String owner) {
        jdbc.sql("DELETE FROM unique_claim WHERE owner_id = ?").param(owner).update();
    }
}
