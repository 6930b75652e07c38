package dev.keel.app.order;

import dev.keel.api.catalog.ProductId;
import dev.keel.app.KeelIntegrationTest;
import dev.keel.command.stock.SellableProducts;
import dev.keel.testing.CommerceFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two batches on two committers can hold one product each and want the other's (docs/commerce.md).
 * PostgreSQL breaks the deadlock by failing one statement; that failure must reach the command as a
 * lock failure, which the command side answers as a 409 to retry, and the other batch goes on.
 */
class CrossedReservationsIntegrationTest extends KeelIntegrationTest {

    @Autowired
    CommerceFixtures commerce;
    @Autowired
    SellableProducts products;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoBatchesReservingTheSameProductsInOppositeOrdersEndWithOneLockFailureAndOneCommit() throws Exception {
        ProductId x = ProductId.of(commerce.product("Crossed x", 100, 10L));
        ProductId y = ProductId.of(commerce.product("Crossed y", 100, 10L));
        CountDownLatch eachHoldsOne = new CountDownLatch(2);

        List<Throwable> failures = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(2)) {
            List<Future<?>> batches = List.of(
                    threads.submit(() -> reserveBoth(x, y, eachHoldsOne)),
                    threads.submit(() -> reserveBoth(y, x, eachHoldsOne)));
            for (Future<?> batch : batches) {
                try {
                    batch.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        }

        assertThat(failures).hasSize(1).first().isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(commerce.reserved(x.toString())).isEqualTo(1);
        assertThat(commerce.reserved(y.toString())).isEqualTo(1);
    }

    private void reserveBoth(ProductId first, ProductId second, CountDownLatch eachHoldsOne) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            products.reserve(first, 1).orElseThrow();
            eachHoldsOne.countDown();
            try {
                assertThat(eachHoldsOne.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            products.reserve(second, 1).orElseThrow();
        });
    }
}
