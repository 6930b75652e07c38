package dev.keel.app.privacy;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data key is committed in a transaction of its own before anything is sealed with it: with Axon
 * Server an event is visible to processors before its command's transaction commits, and they must
 * find the key (docs/axon-server.md). A subject with neither key nor tombstone is not erased.
 */
class PersonalDataKeysIntegrationTest extends KeelIntegrationTest {

    @Autowired
    PersonalDataKeys keys;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewKeyIsCommittedBeforeTheCommandThatMadeItCommitsAndOutlivesItsRollback() {
        String subject = "subject-" + UUID.randomUUID();
        var batch = new TransactionTemplate(transactions);
        var command = new TransactionTemplate(transactions);
        command.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        var elsewhere = new TransactionTemplate(transactions);
        elsewhere.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        var made = batch.execute(outer -> command.execute(savepoint -> {
            var key = keys.keyFor(subject).orElseThrow();
            Long seenElsewhere = elsewhere.execute(other -> jdbc
                    .sql("SELECT count(*) FROM personal_data_key WHERE subject_id = ?")
                    .param(subject).query(Long.class).single());
            assertThat(seenElsewhere)
                    .as("visible to another transaction while the command's is open").isEqualTo(1);
            savepoint.setRollbackOnly();
            outer.setRollbackOnly();
            return key;
        }));

        assertThat(keys.find(subject)).as("the key stays, and is the one used").contains(made);
        assertThat(keys.keyFor(subject)).contains(made);
    }

    @Test
    void aKeyCreatedInACommittedTransactionIsFoundAgain() {
        String subject = "subject-" + UUID.randomUUID();
        var key = new TransactionTemplate(transactions).execute(status -> keys.keyFor(subject).orElseThrow());
        assertThat(keys.find(subject)).contains(key);
    }

    @Test
    void aSubjectWithNeitherKeyNorTombstoneIsMissingNotErased() {
        String subject = "subject-" + UUID.randomUUID();
        assertThatThrownBy(() -> keys.find(subject)).isInstanceOf(PersonalDataKeyMissing.class);

        new TransactionTemplate(transactions).executeWithoutResult(status -> keys.erase(subject));
        assertThat(keys.find(subject)).as("a tombstone: erased").isEmpty();
    }
}
