package dev.keel.command.password;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashingPoolTest {

    private final HashingPool pool = new HashingPool(1, 2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        pool.close();
    }

    @Test
    void aFullPoolRefusesAtOnceWith503AndRetryAfter() throws InterruptedException {
        occupyTheThread();
        pool.run(() -> "queued 1").subscribe();
        pool.run(() -> "queued 2").subscribe();

        assertThatThrownBy(() -> pool.run(() -> "one too many").block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getBody().getType().toString()).isEqualTo("/problems/overloaded");
                    assertThat(Long.parseLong(e.getHeaders().getFirst("Retry-After"))).isPositive();
                });
    }

    @Test
    void workWaitingInTheQueueRunsOnceAThreadIsFree() throws InterruptedException {
        occupyTheThread();
        Mono<String> queued = pool.run(() -> "done").cache();
        queued.subscribe();
        release.countDown();
        assertThat(queued.block(Duration.ofSeconds(10))).isEqualTo("done");
    }

    @Test
    void workWhoseCallerLeftBeforeItStartedNeverRunsAndFreesItsPlace() throws InterruptedException {
        occupyTheThread();
        AtomicBoolean ran = new AtomicBoolean();
        Disposable first = pool.run(() -> ran.getAndSet(true)).subscribe();
        Disposable second = pool.run(() -> ran.getAndSet(true)).subscribe();
        first.dispose();
        second.dispose();

        Mono<String> after = pool.run(() -> "room again").cache();
        after.subscribe();
        pool.run(() -> "and again").subscribe();
        release.countDown();
        assertThat(after.block(Duration.ofSeconds(10))).isEqualTo("room again");
        assertThat(ran).isFalse();
    }

    @Test
    void aFailureReachesItsCaller() {
        assertThatThrownBy(() -> pool.run(() -> {
            throw new IllegalStateException("broken hash");
        }).block(Duration.ofSeconds(10))).hasMessageContaining("broken hash");
    }

    private void occupyTheThread() throws InterruptedException {
        pool.run(() -> {
            running.countDown();
            return release.await(30, TimeUnit.SECONDS);
        }).subscribe(done -> { }, stopped -> { });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
