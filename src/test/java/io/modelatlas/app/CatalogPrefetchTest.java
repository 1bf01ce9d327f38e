package io.modelatlas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CatalogPrefetchTest {
    @Test
    void only_commands_that_always_read_and_only_read_start_reading_early() {
        assertThat(CatalogPrefetch.wanted(new String[] {"cost", "gpt-4.1", "--input-tokens", "10"})).isTrue();
        assertThat(CatalogPrefetch.wanted(new String[] {"compare", "a", "b"})).isTrue();
        assertThat(CatalogPrefetch.wanted(new String[] {"serve"})).as("opens (and may create) the store").isFalse();
        assertThat(CatalogPrefetch.wanted(new String[] {"refresh"})).as("writes").isFalse();
        assertThat(CatalogPrefetch.wanted(new String[] {"cost", "--help"})).isFalse();
        assertThat(CatalogPrefetch.wanted(new String[] {"show", "-V"})).isFalse();
        assertThat(CatalogPrefetch.wanted(new String[] {})).isFalse();
    }

    @Test
    void the_value_read_early_is_the_one_the_command_gets_and_it_is_made_once() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Lazy<String> catalog = new Lazy<>(() -> {
            started.countDown();
            made.incrementAndGet();
            return "catalog";
        });
        CatalogPrefetch.start(new String[] {"cost", "gpt-4.1"}, catalog);
        assertThat(started.await(10, TimeUnit.SECONDS)).as("read on the prefetch thread").isTrue();
        assertThat(catalog.get()).isEqualTo("catalog");
        assertThat(made).hasValue(1);
    }

    @Test
    void a_failed_early_read_is_made_again_and_reported_by_the_command() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch failedOnce = new CountDownLatch(1);
        Lazy<String> catalog = new Lazy<>(() -> {
            attempts.incrementAndGet();
            failedOnce.countDown();
            throw new IllegalStateException("bundled catalog damaged");
        });
        CatalogPrefetch.start(new String[] {"show", "gpt-4.1"}, catalog);
        assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(catalog::get).hasMessage("bundled catalog damaged");
        assertThat(attempts).as("the prefetch's failure is not cached: the command tries itself").hasValue(2);
    }
}
