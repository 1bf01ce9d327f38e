package io.modelatlas.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-image prices against the model's own image prices (fixture GPT Image 1 Mini: low 1024x1024 $0.005, low 1024x1536
 * $0.006, medium 1024x1024 $0.011), and per-request costs priced by the cost calculator (fixture GPT-4.1: $2 input,
 * $0.50 cached, $8 output per 1M; batch half).
 */
class ImageAndRequestCostClaimsTest {
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gptImage1Mini()));

    private static List<String> verdicts(ClaimKind kind, String text) {
        return new ArticleChecker(CATALOG).check("test", text, null).claims().stream().filter(c -> c.kind() == kind)
                .map(c -> c.stated() + " " + c.verdict().label()).toList();
    }

    private static Claim first(ClaimKind kind, String text) {
        return new ArticleChecker(CATALOG).check("test", text, null).claims().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void an_image_price_is_right_when_it_is_the_price_of_the_quality_and_size_named_or_rounded_within_the_texts_rounding() {
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini costs $0.011 per image.\n")).containsExactly("$0.011 per image right");
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini charges $0.011 per medium-quality 1024x1024 image.\n"))
                .containsExactly("$0.011 per medium-quality 1024x1024 image right");
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini: $0.01 per medium 1024x1024 image.\n"))
                .containsExactly("$0.01 per medium-quality 1024x1024 image rounded");
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini starts from $0.005 / image.\n")).containsExactly("from $0.005 per image right");
    }

    @Test
    void an_image_price_is_wrong_only_when_the_text_pins_down_which_price_it_means() {
        Claim c = first(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini costs $0.02 per medium-quality 1024x1024 image.\n");
        assertThat(c.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(c.correction()).isEqualTo("GPT Image 1 Mini costs $0.011 per medium-quality 1024x1024 image.");
        assertThat(c.sources()).containsExactly(Fixtures.LITELLM);
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini starts from $0.004 per image.\n")).containsExactly("from $0.004 per image wrong");
        // several prices and none named: another quality or size may be meant
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini costs $0.02 per image.\n")).containsExactly("$0.02 per image unchecked");
    }

    @Test
    void an_image_price_the_catalog_does_not_have_is_unchecked_or_unsourced() {
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT Image 1 Mini costs $0.04 per high-quality 1024x1024 image.\n"))
                .containsExactly("$0.04 per high-quality 1024x1024 image unchecked");
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "GPT-4.1 costs $0.04 per image.\n")).containsExactly("$0.04 per image unsourced");
        assertThat(verdicts(ClaimKind.IMAGE_PRICE, "Images cost $0.04 per image.\n")).containsExactly("$0.04 per image unchecked");
    }

    @Test
    void a_request_cost_is_priced_by_the_cost_calculator() {
        Claim right = first(ClaimKind.REQUEST_COST, "On GPT-4.1, a request with 1,000 input and 500 output tokens costs $0.006.\n");
        assertThat(right.verdict()).isEqualTo(Verdict.RIGHT);
        assertThat(right.stated()).isEqualTo("$0.006 for a request of 1,000 input and 500 output tokens");
        assertThat(right.actual()).isEqualTo("$0.006 (exactly $0.006, openai/gpt-4.1)");
        assertThat(verdicts(ClaimKind.REQUEST_COST, "10,000 requests of 2K input tokens and 500 output tokens cost $80 on GPT-4.1.\n"))
                .containsExactly("$80 for 10,000 requests of 2,000 input and 500 output tokens right");
        assertThat(verdicts(ClaimKind.REQUEST_COST, "With the batch API, a GPT-4.1 request with 1,000 input and 500 output tokens costs $0.003.\n"))
                .containsExactly("$0.003 for a request of 1,000 input and 500 output tokens (batch) right");
        assertThat(verdicts(ClaimKind.REQUEST_COST, "A GPT-4.1 Mini call with a 2,000-token prompt and a 500-token response costs about $0.0016.\n"))
                .containsExactly("$0.0016 for a request of 2,000 input and 500 output tokens right");
    }

    @Test
    void a_request_cost_outside_the_texts_rounding_is_wrong_with_the_right_sentence() {
        Claim c = first(ClaimKind.REQUEST_COST, "On GPT-4.1, a request with 1,000 input and 500 output tokens costs $0.0012.\n");
        assertThat(c.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(c.correction()).isEqualTo("On GPT-4.1, a request of 1,000 input and 500 output tokens costs $0.006.");
    }

    @Test
    void a_request_cost_without_a_model_or_with_an_ambiguous_cached_count_is_never_wrong() {
        assertThat(verdicts(ClaimKind.REQUEST_COST, "A request with 1,000 input and 500 output tokens costs $0.0012.\n"))
                .containsExactly("$0.0012 for a request of 1,000 input and 500 output tokens unchecked");
        // 1,000 cached on top of 2,000 ($0.0085), or 2,000 input of which 1,000 cached ($0.0065): either reading is right, others unchecked
        assertThat(verdicts(ClaimKind.REQUEST_COST, "A GPT-4.1 request with 1,000 cached input tokens, 2,000 input tokens and 500 output tokens costs $0.0065.\n"))
                .containsExactly("$0.0065 for a request of 3,000 input (1,000 cached) and 500 output tokens right");
        assertThat(verdicts(ClaimKind.REQUEST_COST, "A GPT-4.1 request with 1,000 cached input tokens, 2,000 input tokens and 500 output tokens costs $0.0099.\n"))
                .containsExactly("$0.0099 for a request of 3,000 input (1,000 cached) and 500 output tokens unchecked");
        // a price per 1M tokens is not a request's cost
        assertThat(verdicts(ClaimKind.REQUEST_COST, "GPT-4.1 requests cost $2 per 1M input tokens and $8 per 1M output tokens.\n")).isEmpty();
    }
}
