package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.history.DatedHistory;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.catalog.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * o3's real genai-prices entry (src/test/resources/genaiprices/data-cut.json: $10 / $40 until OpenAI's cut to $2 / $8
 * on 2025-06-10, citing OpenAI's pricing page) merged into the history a store observed, as {@link DatedHistory} does
 * for the API, the model page and the CLI.
 */
class DatedPriceHistoryTest {
    private static final String OFFERING = "openai/o3";
    private static final LocalDate CUT = LocalDate.parse("2025-06-10");
    private static final String CITATION = "openai/o3 citing https://developers.openai.com/api/docs/pricing";

    private static Model o3() throws IOException {
        byte[] json;
        try (InputStream in = DatedPriceHistoryTest.class.getResourceAsStream("/genaiprices/data-cut.json")) {
            json = in.readAllBytes();
        }
        SourceRecord r = GenaiPricesSource.read(CatalogLoader.json("data-cut.json", new String(json, StandardCharsets.UTF_8)), "data-cut.json",
                LocalDate.parse("2026-08-21")).records().stream().filter(x -> x.provider().equals("openai") && x.apiModelId().equals("o3"))
                .findFirst().orElseThrow();
        Model base = Fixtures.text("o3", "o3", "2", "8", "0.5", 200_000L, 100_000L, "2025-04-16", "2024-06", Status.current(), List.of());
        Offering priced = new Offering("openai", "o3", Fact.of(r.prices(), r.provenance()), null, null, null, r.datedPrices());
        return new Model(base.id(), base.displayName(), base.creatorId(), base.creatorName(), base.family(), base.aliases(), base.type(),
                base.description(), base.releaseDate(), base.knowledgeCutoff(), base.inputModalities(), base.outputModalities(),
                base.contextWindow(), base.maxInputTokens(), base.maxOutputTokens(), base.capabilities(), base.endpoints(), base.status(),
                base.benchmarks(), base.strengths(), base.bestFor(), List.of(priced), base.tokenizer());
    }

    private static HistoryEntry observed(String field, String value, String from, String to) {
        return new HistoryEntry(new FieldKey("o3", OFFERING, field), value, "litellm", LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    private static List<HistoryEntry> field(List<HistoryEntry> history, String field) {
        return history.stream().filter(e -> e.key().offering().equals(OFFERING) && e.key().field().equals(field)).toList();
    }

    @Test
    void a_change_both_know_is_one_entry_at_the_providers_date_not_two() throws IOException {
        // the store saw the launch price on 2025-04-16 and the cut only on its next import, 2025-07-18
        List<HistoryEntry> store = List.of(observed("input", "10", "2025-04-16", "2025-07-18"), observed("input", "2", "2025-07-18", null),
                observed("output", "40", "2025-04-16", "2025-07-18"), observed("output", "8", "2025-07-18", null));

        List<HistoryEntry> input = field(DatedHistory.merge(o3(), store), "input");

        assertThat(input).hasSize(2);
        HistoryEntry launch = input.get(0);
        assertThat(launch.value()).isEqualTo("10");
        // the provider's page gives no start for the launch price: the store's first sight stays, marked observed
        assertThat(launch.validFrom()).isEqualTo("2025-04-16");
        assertThat(launch.dating().fromProvider()).isFalse();
        assertThat(launch.validTo()).isEqualTo(CUT);
        assertThat(launch.dating().toProvider()).isTrue();
        HistoryEntry cut = input.get(1);
        assertThat(cut.value()).isEqualTo("2");
        assertThat(cut.validFrom()).isEqualTo(CUT);
        assertThat(cut.dating().fromProvider()).isTrue();
        assertThat(cut.validTo()).isNull();
        assertThat(cut.source()).isEqualTo("genai-prices");
        assertThat(cut.dating().citation()).isEqualTo(CITATION);
    }

    @Test
    void a_dated_price_the_store_never_saw_is_shown_and_its_unknown_start_stays_unknown() throws IOException {
        List<HistoryEntry> store = List.of(observed("input", "2", "2025-11-21", null));

        List<HistoryEntry> input = field(DatedHistory.merge(o3(), store), "input");

        assertThat(input).extracting(HistoryEntry::value).containsExactly("10", "2");
        assertThat(input.get(0).validFrom()).isNull();
        assertThat(input.get(0).validTo()).isEqualTo(CUT);
        assertThat(input.get(1).validFrom()).isEqualTo(CUT);
        // the cached-input rate never changed: one entry, no start the provider dates
        assertThat(field(DatedHistory.merge(o3(), store), "cached_input")).singleElement()
                .satisfies(e -> {
                    assertThat(e.value()).isEqualTo("0.5");
                    assertThat(e.validFrom()).isNull();
                    assertThat(e.validTo()).isNull();
                });
    }

    @Test
    void an_observed_value_the_providers_periods_do_not_hold_stays_beside_them() throws IOException {
        List<HistoryEntry> store = List.of(observed("input", "2.5", "2025-11-21", null));

        List<HistoryEntry> input = field(DatedHistory.merge(o3(), store), "input");

        assertThat(input).extracting(HistoryEntry::value, HistoryEntry::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10", "genai-prices"), org.assertj.core.groups.Tuple.tuple("2", "genai-prices"),
                        org.assertj.core.groups.Tuple.tuple("2.5", "litellm"));
    }

    @Test
    void a_model_without_dated_prices_keeps_the_stores_history_as_it_is() {
        Model plain = Fixtures.text("gpt-4.1", "GPT-4.1", "2", "8", "0.5", 1_047_576L, 32_768L, "2025-04-14", "2024-06", Status.current(), List.of());
        List<HistoryEntry> store = List.of(new HistoryEntry(new FieldKey("gpt-4.1", "openai/gpt-4.1", "input"), "2", "litellm",
                LocalDate.parse("2025-11-21"), null));

        assertThat(DatedHistory.merge(plain, store)).isEqualTo(store);
    }
}
