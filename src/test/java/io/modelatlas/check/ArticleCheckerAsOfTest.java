package io.modelatlas.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.fixtures.Fixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article checked as of its date: judged against the prices the history has for that day, or left unchecked. */
class ArticleCheckerAsOfTest {
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt4oMini()));
    private static final LocalDate CUT = LocalDate.of(2025, 1, 1);
    /** GPT-4o Mini cost $0.30 / $1.20 from its launch until 2025, then today's $0.15 / $0.60. */
    private static final ModelHistory HISTORY = id -> id.equals("gpt-4o-mini") ? List.of(
            entry("input", "0.3", LocalDate.of(2024, 7, 18), CUT), entry("output", "1.2", LocalDate.of(2024, 7, 18), CUT),
            entry("input", "0.15", CUT, null), entry("output", "0.6", CUT, null)) : List.of();

    private static HistoryEntry entry(String field, String value, LocalDate from, LocalDate to) {
        return new HistoryEntry(new FieldKey("gpt-4o-mini", "openai/gpt-4o-mini", field), value, "litellm", from, to);
    }

    private static Claim first(String text, LocalDate asOf, ModelHistory history) {
        return new ArticleChecker(CATALOG, history).check("test", text, asOf).claims().get(0);
    }

    @Test
    void a_price_right_on_the_articles_day_is_right_and_the_report_names_the_span_it_held() {
        Claim c = first("GPT-4o Mini costs $0.30 per 1M input tokens.\n", LocalDate.of(2024, 9, 30), HISTORY);
        assertThat(c.verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(c.actual()).isEqualTo("$0.30 per 1M input tokens (openai/gpt-4o-mini) as of 2024-09-30");
        assertThat(c.sources()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("openai/gpt-4o-mini price history, valid 2024-07-18 to 2025-01-01");
            assertThat(p.asOf()).isEqualTo(LocalDate.of(2024, 7, 18));
        });
    }

    @Test
    void a_price_that_was_not_the_price_on_the_articles_day_is_wrong_with_that_days_price() {
        Claim c = first("GPT-4o Mini costs $0.50 per 1M input tokens.\n", LocalDate.of(2024, 9, 30), HISTORY);
        assertThat(c.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(c.correction()).isEqualTo("GPT-4o Mini costs $0.30 per 1M input tokens.");
    }

    @Test
    void the_same_price_checked_today_or_after_the_change_is_judged_by_the_newer_price() {
        assertThat(first("GPT-4o Mini costs $0.30 per 1M input tokens.\n", null, HISTORY).verdict()).isEqualTo(Verdict.WRONG);
        Claim after = first("GPT-4o Mini costs $0.15 per 1M input tokens.\n", LocalDate.of(2025, 3, 1), HISTORY);
        assertThat(after.verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(after.sources().get(0).key()).endsWith("valid 2025-01-01 to now");
    }

    @Test
    void a_day_before_the_history_begins_stays_unchecked_with_the_reason() {
        Claim c = first("GPT-4o Mini costs $0.30 per 1M input tokens.\n", LocalDate.of(2023, 6, 1), HISTORY);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(c.actual()).contains("catalog data is newer than 2023-06-01; no history for that date");
    }

    @Test
    void without_a_history_an_old_article_is_never_called_wrong() {
        Claim c = first("GPT-4o Mini costs $0.30 per 1M input tokens.\n", LocalDate.of(2024, 9, 30), ModelHistory.none());
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHECKED);
    }

    @Test
    void a_model_the_history_does_not_hold_keeps_todays_data_and_its_rule() {
        Claim c = first("GPT-4.1 costs $3 per 1M input tokens.\n", LocalDate.of(2025, 5, 1), HISTORY);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(c.sources().get(0).key()).isEqualTo("fixture");
    }

    /** The real catalog: genai-prices dates OpenAI's o3 price cut ($10 to $2 per 1M input) to 2025-06-10, citing OpenAI's page. */
    private static final Catalog BUNDLED = io.modelatlas.catalog.source.CatalogLoader.loadBundled();

    @Test
    void without_a_store_the_providers_dated_prices_judge_an_old_article() {
        Claim before = new ArticleChecker(BUNDLED, ModelHistory.none()).check("test", "o3 costs $10 per 1M input tokens.\n",
                LocalDate.of(2025, 5, 1)).claims().get(0);
        assertThat(before.verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(before.sources()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("openai/o3 price history, valid (start unknown) to 2025-06-10");
            assertThat(p.source()).isEqualTo("genai-prices");
        });
        // $9 rather than $10: a figure some other o3 listing still shows is left unchecked (it may be that listing's)
        Claim stale = new ArticleChecker(BUNDLED, ModelHistory.none()).check("test", "o3 costs $9 per 1M input tokens.\n",
                LocalDate.of(2025, 7, 1)).claims().get(0);
        assertThat(stale.verdict()).as(stale.toString()).isEqualTo(Verdict.WRONG);
        assertThat(stale.correction()).isEqualTo("o3 costs $2.00 per 1M input tokens.");
        assertThat(stale.sources().get(0).key()).isEqualTo("openai/o3 price history, valid 2025-06-10 to now");
    }
}
