package dev.keel.app.privacy;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group-commit bus runs each command in a savepoint of one batch transaction: a key created by
 * a command that rolled back to its savepoint must not be cached when the batch commits, or later
 * events would be encrypted with a key no database row holds.
 */
class PersonalDataKeysIntegrationTest extends KeelIntegrationTest {

    @Autowired
    PersonalDataKeys keys;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aKeyWhoseCreationRolledBackToItsSavepointIsNotRemembered() {
        String subject = "subject-" + UUID.randomUUID();
        var batch = new TransactionTemplate(transactions);
        var command = new TransactionTemplate(transactions);
        command.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        batch.executeWithoutResult(outer -> command.executeWithoutResult(savepoint -> {
            keys.keyFor(subject);
            keys.keyFor(subject);
            savepoint.setRollbackOnly();
        }));

        assertThat(keys.find(subject)).as("no row, and nothing cached").isEmpty();
    }

    @Test
    void aKeyCreatedInACommittedTransactionIsFoundAgain() {
        String subject = "subject-" + UUID.randomUUID();
        var key = new TransactionTemplate(transactions).execute(status -> keys.keyFor(subject).orElseThrow());
        assertThat(keys.find(subject)).contains(key);
    }
}
