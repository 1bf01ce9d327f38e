package io.modelatlas.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.CatalogChange.Kind;
import io.modelatlas.catalog.history.RecordedChange;
import io.modelatlas.fetch.FetchSettings;
import io.modelatlas.fetch.HttpFetcher;
import io.modelatlas.fixtures.FakeUpstream;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refresh or import that changes the catalog records its changes in the store, on SQLite and PostgreSQL. */
class RecordedChangesTest {
    private static final String LITELLM = "/litellm.json";

    @TempDir
    Path home;

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    private static HttpFetcher fetcher() {
        return new HttpFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(10), 1024 * 1024,
                FetchSettings.USER_AGENT), d -> { });
    }

    private static byte[] litellmWithNewModelAndMiniInput(String perToken) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(MiniData.litellmWithMiniInput(perToken));
        root.set("gpt-4.1-nano", root.get("gpt-4.1-mini").deepCopy());
        return json.writeValueAsBytes(root);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_live_refresh_records_the_changes_it_reports_with_version_day_and_source(String kind) throws IOException {
        try (Store store = Store.open(TestDatabases.newDatabase(kind)); FakeUpstream upstream = new FakeUpstream()) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
            assertThat(service.changes(null, 100)).as("the seed is where the feed starts, not a change").isEmpty();
            upstream.serve(LITELLM, litellmWithNewModelAndMiniInput("3.5e-07"));

            RefreshReport report = new LiveRefresh(service, fetcher(), home, MiniData.CLOCK)
                    .run(Upstreams.only(Map.of("litellm", upstream.url(LITELLM).toString())), false, "test");

            List<RecordedChange> stored = service.changes(null, 100);
            assertThat(stored).extracting(RecordedChange::change).containsExactlyElementsOf(report.changes());
            assertThat(stored).extracting(r -> r.change().kind(), r -> r.change().modelId(), r -> r.change().before(), r -> r.change().after())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Kind.NEW_MODEL, "gpt-4.1-nano", null, "gpt-4.1-nano"),
                            org.assertj.core.groups.Tuple.tuple(Kind.PRICE, "gpt-4.1-mini", "0.4", "0.35"));
            assertThat(stored).allSatisfy(r -> {
                assertThat(r.version()).isEqualTo(report.recorded().version()).isEqualTo(store.latestVersion());
                assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
                assertThat(r.source()).isEqualTo("litellm");
                assertThat(r.change().observed()).isEqualTo(LocalDate.of(2026, 11, 23));
            });
            assertThat(stored.get(1).change().offering()).isEqualTo("openai/gpt-4.1-mini");
            assertThat(stored.get(1).change().field()).isEqualTo("input");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void an_unchanged_refresh_records_nothing_and_since_keeps_the_days_on_or_after_it(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
            service.importFile("litellm", "a.json", MiniData.litellmWithMiniInput("3e-07"), LocalDate.of(2026, 11, 20), false, "test");
            long first = store.latestVersion();
            service.importFile("litellm", "b.json", MiniData.litellmWithMiniInput("2e-07"), LocalDate.of(2026, 11, 22), false, "test");
            service.importFile("litellm", "b.json", MiniData.litellmWithMiniInput("2e-07"), LocalDate.of(2026, 11, 22), false, "test");

            List<RecordedChange> all = service.changes(null, 100);
            assertThat(all).extracting(r -> r.change().observed() + " " + r.change().before() + " -> " + r.change().after())
                    .as("newest day first; the identical import recorded nothing")
                    .containsExactly("2026-11-22 0.3 -> 0.2", "2026-11-20 0.4 -> 0.3");
            assertThat(all.get(1).version()).isEqualTo(first);
            assertThat(service.changes(LocalDate.of(2026, 11, 21), 100)).extracting(r -> r.change().after()).containsExactly("0.2");
            assertThat(service.changes(LocalDate.of(2026, 11, 22), 100)).hasSize(1);
            assertThat(service.changes(LocalDate.of(2026, 11, 23), 100)).isEmpty();
            assertThat(service.changes(null, 1)).extracting(RecordedChange::change).extracting(CatalogChange::after).containsExactly("0.2");
        }
    }
}
