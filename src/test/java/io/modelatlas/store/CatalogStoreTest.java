package io.modelatlas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.source.SourceFormatException;
import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.CatalogVersion;
import io.modelatlas.refresh.ImportResult;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Imports, history and refusals, on SQLite and on PostgreSQL, with a small real data set. */
class CatalogStoreTest {
    static final Clock CLOCK = MiniData.CLOCK;

    static SourceSet mini() {
        return MiniData.sources();
    }

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_new_store_is_seeded_with_the_history_and_the_current_data(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), mini(), CLOCK);

            assertThat(store.versions(10)).extracting(CatalogVersion::kind).containsExactly("bootstrap", "bootstrap");
            assertThat(service.catalog().require("gpt-4.1-mini").primaryOffering().orElseThrow().prices().value()
                    .rate(io.modelatlas.pricing.PriceKind.INPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("0.4");
            List<HistoryEntry> h = service.history("gpt-4.1-mini");
            assertThat(h).anySatisfy(e -> {
                assertThat(e.key()).isEqualTo(new FieldKey("gpt-4.1-mini", "openai/gpt-4.1-mini", "input"));
                assertThat(e.value()).isEqualTo("0.4");
                assertThat(e.open()).isTrue();
            });
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void an_import_that_changes_a_price_closes_the_old_value_and_opens_the_new(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), mini(), CLOCK);
            byte[] changed = MiniData.litellmWithMiniInput("3e-07");

            ImportResult r = service.importFile("litellm", "litellm-new.json", changed, LocalDate.of(2026, 11, 20), false, "test");

            assertThat(r.unchanged()).isFalse();
            assertThat(service.catalog().require("gpt-4.1-mini").primaryOffering().orElseThrow().prices().value()
                    .rate(io.modelatlas.pricing.PriceKind.INPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo(new BigDecimal("0.3"));
            List<HistoryEntry> input = service.history("gpt-4.1-mini").stream()
                    .filter(e -> e.key().offering().equals("openai/gpt-4.1-mini") && e.key().field().equals("input")).toList();
            assertThat(input).extracting(HistoryEntry::value, HistoryEntry::validTo)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("0.4", LocalDate.of(2026, 11, 20)), org.assertj.core.groups.Tuple.tuple("0.3", null));
            assertThat(store.audit(5)).first().satisfies(a -> {
                assertThat(a.actor()).isEqualTo("test");
                assertThat(a.action()).isEqualTo("import");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_bad_file_is_refused_and_nothing_changes(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            LiveCatalog service = LiveCatalog.open(store.catalogArchive(), mini(), CLOCK);
            long version = store.latestVersion();
            String good = MiniData.litellm();

            assertThatThrownBy(() -> service.importFile("litellm", "cut.json", good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8),
                    LocalDate.of(2026, 11, 20), false, "test"))
                    .isInstanceOf(SourceFormatException.class).hasMessageContaining("cut.json").hasMessageContaining("line");
            assertThatThrownBy(() -> service.importFile("litellm", "neg.json",
                    good.replace("\"input_cost_per_token\": 4e-07", "\"input_cost_per_token\": -4e-07").getBytes(StandardCharsets.UTF_8),
                    LocalDate.of(2026, 11, 20), false, "test"))
                    .isInstanceOf(SourceFormatException.class).hasMessageContaining("neg.json at $['gpt-4.1-mini'].input_cost_per_token")
                    .hasMessageContaining("negative");
            assertThatThrownBy(() -> service.importFile("litellm", "str.json",
                    good.replace("\"input_cost_per_token\": 4e-07", "\"input_cost_per_token\": \"cheap\"").getBytes(StandardCharsets.UTF_8),
                    LocalDate.of(2026, 11, 20), false, "test"))
                    .isInstanceOf(SourceFormatException.class).hasMessageContaining("\"cheap\"");

            assertThat(store.latestVersion()).isEqualTo(version);
            assertThat(service.version()).isEqualTo(version);
            assertThat(service.catalog().require("gpt-4.1-mini").primaryOffering().orElseThrow().prices().value()
                    .rate(io.modelatlas.pricing.PriceKind.INPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("0.4");
        }
    }
}
