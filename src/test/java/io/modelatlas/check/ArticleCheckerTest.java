package io.modelatlas.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker's careful rules, on the fixture catalog: what it reads, and when it declines to call a figure wrong. */
class ArticleCheckerTest {
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51()));

    private static CheckReport check(String text) {
        return new ArticleChecker(CATALOG).check("test", text, null);
    }

    private static List<String> verdicts(CheckReport r) {
        return r.claims().stream().map(c -> c.kind().jsonName() + " " + c.text() + " " + c.verdict().label()).toList();
    }

    @Test
    void html_is_read_as_a_person_reads_it_and_gives_the_claims_of_the_same_text_in_markdown() {
        String html = """
                <!doctype html><html><head><title>GPT-4.1 vs GPT-4.1 Mini</title><style>p::before{content:"$7 / 1M tokens"}</style></head>
                <body><nav><a href="/">Home</a> GPT-4.1 from $99 / 1M tokens</nav>
                <script>var price = "GPT-4.1 Mini $50 per 1M tokens";</script>
                <h1>GPT-4.1 vs GPT-4.1 Mini</h1>
                <table><tr><th>Spec</th><th>GPT-4.1</th><th>GPT-4.1 Mini</th></tr>
                <tr><td>Input price</td><td>$2 / 1M tokens</td><td>$0.4 / 1M tokens</td></tr></table>
                <p>GPT-4.1 Mini is 80% cheaper on input tokens &amp; costs $1.6 per 1M output tokens.</p>
                <footer>GPT-4.1 at $1 per 1M tokens, says the footer</footer></body></html>
                """;
        String markdown = """
                # GPT-4.1 vs GPT-4.1 Mini

                | Spec | GPT-4.1 | GPT-4.1 Mini |
                |---|---|---|
                | Input price | $2 / 1M tokens | $0.4 / 1M tokens |

                GPT-4.1 Mini is 80% cheaper on input tokens & costs $1.6 per 1M output tokens.
                """;
        CheckReport fromHtml = check(html);
        assertThat(fromHtml.article().fromHtml()).isTrue();
        assertThat(verdicts(fromHtml)).containsExactly(
                "price $2 / 1M tokens right", "price $0.4 / 1M tokens right", "ratio 80% cheaper right", "price $1.6 per 1M output tokens right");
        assertThat(verdicts(fromHtml)).isEqualTo(verdicts(check(markdown)));
        assertThat(fromHtml.article().text()).doesNotContain("$99", "$50", "$7", "$1 per");
    }

    @Test
    void a_nickname_is_read_only_in_an_article_that_names_its_family() {
        Claim alone = check("4o-mini costs $0.15 per 1M input tokens.\n").claims().get(0);
        assertThat(alone.models()).isEmpty();
        assertThat(alone.verdict()).isEqualTo(Verdict.UNCHECKED);

        Claim named = check("GPT-4o Mini in brief\n4o-mini costs $0.15 per 1M input tokens.\n").claims().get(0);
        assertThat(named.models()).containsExactly("gpt-4o-mini");
        assertThat(named.verdict()).isEqualTo(Verdict.RIGHT);
    }

    @Test
    void a_price_whose_kind_the_text_leaves_open_is_right_when_it_is_one_of_the_rates_and_never_wrong_otherwise() {
        CheckReport r = check("GPT-4.1 costs $0.50 per 1M tokens. GPT-4.1 also costs $3 per 1M tokens.\n");
        assertThat(verdicts(r)).containsExactly("price $0.50 per 1M tokens right", "price $3 per 1M tokens unchecked");
        assertThat(r.claims().get(0).actual()).isEqualTo("$0.50 per 1M cached input tokens (openai/gpt-4.1)");
    }

    @Test
    void a_price_stated_for_its_kind_and_model_and_not_the_catalogs_is_wrong_with_the_right_sentence() {
        Claim c = check("GPT-4.1 costs $3 per 1M input tokens.\n").claims().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(c.correction()).isEqualTo("GPT-4.1 costs $2.00 per 1M input tokens.");
    }

    @Test
    void a_ratio_whose_subject_is_a_pronoun_is_tried_both_ways_and_found_right() {
        CheckReport r = check("How does GPT-4.1 Mini compare to full GPT-4.1?\nIt costs about 80% less and responds faster.\n");
        assertThat(verdicts(r)).containsExactly("ratio about 80% less right");
    }

    @Test
    void a_ratio_the_wrong_way_round_is_wrong_and_says_which_model_is_cheaper() {
        Claim c = check("GPT-4.1 Mini is 60% cheaper than GPT-4o Mini.\n").claims().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(c.correction()).isEqualTo("GPT-4.1 Mini costs 2.67 times as much as GPT-4o Mini on input: GPT-4o Mini is 62.5% cheaper.");
    }

    @Test
    void a_volume_cost_true_only_at_an_unusual_split_is_unchecked_and_names_the_split() {
        Claim c = check("At 1M tokens a month you pay $6 for GPT-4.1.\n").claims().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(c.actual()).endsWith("true only if 33.33% of the tokens are input");
    }

    @Test
    void a_percentage_near_tokens_is_no_context_claim() {
        CheckReport r = check("GPT-4.1 has a 1M context window; accuracy drops from 84% at 8K tokens to 50% at the end.\n");
        assertThat(verdicts(r)).containsExactly("context_window 1M context rounded");
    }

    @Test
    void claims_carry_line_and_column() {
        Claim c = check("Intro line\n\nGPT-4.1 costs $2 per 1M input tokens.\n").claims().get(0);
        assertThat(c.line()).isEqualTo(3);
        assertThat(c.column()).isEqualTo(15);
    }
}
