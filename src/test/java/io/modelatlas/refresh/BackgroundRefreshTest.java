package io.modelatlas.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.fetch.FetchSettings;
import io.modelatlas.fetch.HttpFetcher;
import io.modelatlas.fixtures.FakeUpstream;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --refresh-every} with two instances sharing one embedded PostgreSQL: a round on each at the same time
 * runs exactly one refresh, the other skips, and both end up on the same catalog version.
 */
class BackgroundRefreshTest {
    private static final String LITELLM = "/litellm.json";
    private static final long KEY = 42;

    @TempDir
    Path homeA;
    @TempDir
    Path homeB;

    private static HttpFetcher fetcher() {
        return new HttpFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(10), 1024 * 1024,
                FetchSettings.USER_AGENT), d -> { });
    }

    @Test
    void the_postgres_lock_is_held_by_one_store_at_a_time_and_released_on_close() {
        String url = TestDatabases.newDatabase("postgresql");
        try (Store a = Store.open(url); Store b = Store.open(url)) {
            var held = a.tryExclusive(KEY);
            assertThat(held).isPresent();
            assertThat(b.tryExclusive(KEY)).as("the other instance is refused while it is held").isEmpty();
            assertThat(a.tryExclusive(KEY)).as("a session lock: another connection of the same instance is refused too").isEmpty();
            held.get().close();
            var next = b.tryExclusive(KEY);
            assertThat(next).as("released on close").isPresent();
            next.get().close();
        }
    }

    @Test
    void on_sqlite_the_lock_keeps_one_process_from_refreshing_twice_at_once() {
        try (Store store = Store.open(TestDatabases.newDatabase("sqlite"))) {
            var held = store.tryExclusive(KEY);
            assertThat(held).isPresent();
            assertThat(store.tryExclusive(KEY)).isEmpty();
            held.get().close();
            assertThat(store.tryExclusive(KEY)).isPresent();
        }
    }

    @Test
    void two_instances_refreshing_at_once_run_one_refresh_and_serve_the_same_version() throws Exception {
        String url = TestDatabases.newDatabase("postgresql");
        try (Store storeA = Store.open(url); Store storeB = Store.open(url); FakeUpstream upstream = new FakeUpstream()) {
            LiveCatalog a = LiveCatalog.open(storeA.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
            LiveCatalog b = LiveCatalog.open(storeB.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
            long start = storeA.latestVersion();
            assertThat(b.version()).isEqualTo(start);
            upstream.serve(LITELLM, MiniData.litellmWithMiniInput("3.5e-07"));
            Upstreams upstreams = Upstreams.only(Map.of("litellm", upstream.url(LITELLM).toString()));

            // the refresh that gets the lock waits until the other round is over, so the two rounds surely overlap
            CountDownLatch otherRoundOver = new CountDownLatch(1);
            AtomicInteger refreshes = new AtomicInteger();
            BackgroundRefresh roundA = background(a, storeA, upstreams, homeA, refreshes, otherRoundOver);
            BackgroundRefresh roundB = background(b, storeB, upstreams, homeB, refreshes, otherRoundOver);

            CompletableFuture<BackgroundRefresh.Round> fa = CompletableFuture.supplyAsync(roundA::runOnce);
            CompletableFuture<BackgroundRefresh.Round> fb = CompletableFuture.supplyAsync(roundB::runOnce);
            try {
                CompletableFuture.anyOf(fa, fb).get(30, TimeUnit.SECONDS); // the round that skipped
            } finally {
                otherRoundOver.countDown();
            }
            List<BackgroundRefresh.Round> rounds = List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));

            assertThat(refreshes).as("refreshes run").hasValue(1);
            assertThat(rounds).filteredOn(BackgroundRefresh.Round::refreshed).singleElement()
                    .satisfies(r -> assertThat(r.report().changes()).hasSize(1));
            assertThat(rounds).filteredOn(r -> !r.refreshed()).singleElement().satisfies(r -> assertThat(r.report()).isNull());
            assertThat(upstream.requests(LITELLM)).as("only the instance holding the lock fetched").hasSize(1);
            assertThat(storeA.versions(10)).filteredOn(v -> v.actor().equals(BackgroundRefresh.ACTOR)).hasSize(1);

            // the skipping instance picks the new version up as its poller does
            a.reloadIfChanged();
            b.reloadIfChanged();
            assertThat(a.version()).isEqualTo(b.version()).isEqualTo(start + 1);
            for (LiveCatalog s : List.of(a, b)) {
                assertThat(s.catalog().require("gpt-4.1-mini").primaryOffering().orElseThrow().prices().value().rate(PriceKind.INPUT)
                        .orElseThrow().usdPerMillion()).isEqualByComparingTo("0.35");
            }

            // the lock was released: the next round of the other instance refreshes (and finds nothing new: 304)
            BackgroundRefresh.Round again = background(b, storeB, upstreams, homeB, new AtomicInteger(), new CountDownLatch(0)).runOnce();
            assertThat(again.refreshed()).isTrue();
            assertThat(again.report().recorded()).isNull();
            assertThat(again.version()).isEqualTo(start + 1);
        }
    }

    private BackgroundRefresh background(LiveCatalog service, Store store, Upstreams upstreams, Path home, AtomicInteger refreshes,
                                         CountDownLatch otherRoundOver) {
        LiveRefresh live = new LiveRefresh(service, fetcher(), home, MiniData.CLOCK);
        return new BackgroundRefresh(service, () -> store.tryExclusive(KEY).map(held -> held::close), () -> {
            refreshes.incrementAndGet();
            try {
                otherRoundOver.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return live.run(upstreams, false, BackgroundRefresh.ACTOR);
        });
    }
}
