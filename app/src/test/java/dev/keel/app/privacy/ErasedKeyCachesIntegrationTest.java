package dev.keel.app.privacy;

import dev.keel.app.KeelIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes, as two key stores on the one database: the one that erases, and another that cached the
 * key before. The other forgets it when PostgreSQL tells it (the listener); a third node without a
 * listener shows that the cache alone would have kept the key.
 */
class ErasedKeyCachesIntegrationTest extends KeelIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MasterKey masterKey;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The listener's thread once started before the field naming it was set, found it empty and ended
     * without listening: a node that never heard of erasures (seen on a loaded CI machine). Started
     * often enough, the old order lost that race here too.
     */
    @Test
    void everyStartedListenerListens() {
        for (int start = 0; start < 100; start++) {
            var listener = new ErasedKeysListener(dataSource, new JdbcPersonalDataKeys(jdbc, masterKey, transactions));
            listener.start();
            try {
                await("start " + start).atMost(Duration.ofSeconds(30)).until(listener::listening);
            } finally {
                listener.stop();
            }
        }
    }

    @Test
    void aKeyErasedOnOneNodeIsForgottenByEveryListeningNode() {
        var erasing = new JdbcPersonalDataKeys(jdbc, masterKey, transactions);
        var listening = new JdbcPersonalDataKeys(jdbc, masterKey, transactions);
        var deaf = new JdbcPersonalDataKeys(jdbc, masterKey, transactions);
        var listener = new ErasedKeysListener(dataSource, listening);
        listener.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(listener::listening);
            String subject = UUID.randomUUID().toString();
            var key = new TransactionTemplate(transactions).execute(status -> erasing.keyFor(subject).orElseThrow());
            assertThat(listening.find(subject)).contains(key);
            assertThat(deaf.find(subject)).contains(key);

            new TransactionTemplate(transactions).executeWithoutResult(status -> erasing.erase(subject));

            assertThat(erasing.find(subject)).isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> listening.find(subject).isEmpty());
            assertThat(deaf.find(subject)).as("a node that hears nothing keeps its cached key").contains(key);
            assertThat(new JdbcPersonalDataKeys(jdbc, masterKey, transactions).find(subject)).as("a node without it in cache")
                    .isEmpty();
            Optional<SecretKey> again = new TransactionTemplate(transactions).execute(status -> erasing.keyFor(subject));
            assertThat(again).as("no key is made again").isEmpty();
        } finally {
            listener.stop();
        }
    }
}
