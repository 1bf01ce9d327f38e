package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceCacheTest {

    @Test
    void many_requests_missing_the_same_key_at_once_wait_for_one_computation() throws Exception {
        OnceCache<String> cache = new OnceCache<>(100);
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> cache.get("/compare/a-vs-b", () -> {
                    renders.incrementAndGet();
                    started.countDown();
                    await(release); // the render is slow: every other request arrives while it runs
                    return "page";
                })));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cache.getNow("/compare/a-vs-b")).as("not served before it is rendered").isNull();
            Thread.sleep(200); // let the other 15 requests reach the cache while the render is held
            release.countDown();
            for (Future<String> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("page");
            }
            assertThat(renders).hasValue(1);
            assertThat(cache.getNow("/compare/a-vs-b")).isEqualTo("page");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_failed_computation_is_not_kept_and_the_next_request_tries_again() {
        OnceCache<String> cache = new OnceCache<>(100);
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw new IllegalStateException("store down");
        })).hasMessage("store down");
        assertThat(cache.getNow("k")).isNull();
        assertThat(cache.get("k", () -> "ok")).isEqualTo("ok");
    }

    @Test
    void past_its_limit_values_are_computed_every_time_and_not_kept() {
        OnceCache<String> cache = new OnceCache<>(1);
        cache.get("a", () -> "A");
        AtomicInteger computed = new AtomicInteger();
        cache.get("b", () -> "B" + computed.incrementAndGet());
        assertThat(cache.get("b", () -> "B" + computed.incrementAndGet())).isEqualTo("B2");
        assertThat(cache.getNow("b")).isNull();
        assertThat(cache.getNow("a")).isEqualTo("A");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
