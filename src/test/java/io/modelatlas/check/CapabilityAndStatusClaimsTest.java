package io.modelatlas.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.Status;
import io.modelatlas.fixtures.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Capability claims against the capability map and modalities, status claims against the lifecycle: the fixture
 * GPT-4.1 supports function calling and image input, is superseded by GPT-5.1; GPT-4o Mini's status is stated by no
 * source; GPT Image 1 Mini has no function calling and reads text and images.
 */
class CapabilityAndStatusClaimsTest {
    private static final Provenance OVERLAY = new Provenance("overlay", "models.old-model.status", LocalDate.of(2026, 11, 1));
    private static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(),
            Fixtures.gptImage1Mini(), deprecated(), curatedCurrent()));

    /** GPT-4o Mini with a stated deprecation and shutdown date. */
    private static Model deprecated() {
        Model m = Fixtures.text("o1-preview", "o1 Preview", "15", "60", null, 128_000L, 32_768L, "2024-09-12", "2023-10", Status.current(), List.of());
        return withStatus(m, Fact.of(new Status(Lifecycle.DEPRECATED, null, LocalDate.of(2025, 7, 28)), Fixtures.LITELLM));
    }

    private static Model curatedCurrent() {
        Model m = Fixtures.text("gpt-5-mini", "GPT-5 Mini", "0.25", "2", "0.025", 400_000L, 128_000L, "2025-08-07", "2024-05-31", Status.current(), List.of());
        return withStatus(m, Fact.of(Status.current(), OVERLAY));
    }

    private static Model withStatus(Model m, Fact<Status> status) {
        return new Model(m.id(), m.displayName(), m.creatorId(), m.creatorName(), m.family(), m.aliases(), m.type(), m.description(), m.releaseDate(),
                m.knowledgeCutoff(), m.inputModalities(), m.outputModalities(), m.contextWindow(), m.maxInputTokens(), m.maxOutputTokens(),
                Map.of(Capability.FUNCTION_CALLING, Fact.of(true, Fixtures.LITELLM)), m.endpoints(), status, m.benchmarks(), m.strengths(), m.bestFor(),
                m.offerings(), m.tokenizer());
    }

    private static List<String> verdicts(String text) {
        return verdicts(text, null);
    }

    private static List<String> verdicts(String text, LocalDate asOf) {
        return new ArticleChecker(CATALOG).check("test", text, asOf).claims().stream()
                .filter(c -> c.kind() == ClaimKind.CAPABILITY || c.kind() == ClaimKind.STATUS)
                .map(c -> c.kind().jsonName() + " " + c.stated() + " " + c.verdict().label()).toList();
    }

    private static Claim first(String text) {
        return new ArticleChecker(CATALOG).check("test", text, null).claims().stream()
                .filter(c -> c.kind() == ClaimKind.CAPABILITY || c.kind() == ClaimKind.STATUS).findFirst().orElseThrow();
    }

    @Test
    void a_capability_the_catalog_states_is_right_when_claimed_and_wrong_when_denied() {
        assertThat(verdicts("GPT-4.1 supports function calling. GPT-4.1 also accepts image input.\n"))
                .containsExactly("capability supports function calling right", "capability supports image input right");
        Claim denied = first("GPT-4.1 does not support function calling.\n");
        assertThat(denied.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(denied.correction()).isEqualTo("GPT-4.1 supports function calling.");
        assertThat(denied.sources()).containsExactly(Fixtures.LITELLM);
    }

    @Test
    void negations_are_claims_of_absence() {
        assertThat(verdicts("GPT Image 1 Mini has no function calling.\n")).containsExactly("capability does not support function calling right");
        assertThat(verdicts("GPT Image 1 Mini doesn't support tool calling.\n")).containsExactly("capability does not support function calling right");
        assertThat(verdicts("GPT Image 1 Mini supports function calling.\n")).containsExactly("capability supports function calling wrong");
        assertThat(verdicts("On GPT-4.1, function calling is not supported.\n")).containsExactly("capability does not support function calling wrong");
    }

    @Test
    void a_feature_no_source_states_is_unsourced_either_way() {
        assertThat(verdicts("GPT-4.1 supports fine-tuning. GPT-4.1 has no JSON mode.\n"))
                .containsExactly("capability supports fine-tuning unsourced", "capability does not support structured output unsourced");
    }

    @Test
    void modalities_confirm_a_feature_but_their_silence_never_makes_a_claim_of_support_wrong() {
        // GPT Image 1 Mini reads text and images; it has no capability entry for image input
        assertThat(verdicts("GPT Image 1 Mini accepts image input.\n")).containsExactly("capability supports image input right");
        assertThat(verdicts("GPT Image 1 Mini does not support vision.\n")).containsExactly("capability does not support image input wrong");
        assertThat(verdicts("GPT Image 1 Mini supports PDF input.\n")).containsExactly("capability supports PDF input unchecked");
        assertThat(verdicts("GPT Image 1 Mini has no audio input.\n")).containsExactly("capability does not support audio input right");
    }

    @Test
    void words_that_only_name_a_feature_and_questions_are_not_claims() {
        assertThat(verdicts("GPT-4.1 is good at vision tasks. With prompt caching, GPT-4.1 input drops to $0.50 per 1M tokens.\n")).isEmpty();
        assertThat(verdicts("Does GPT-4.1 support vision? Is GPT-4.1 deprecated?\n")).isEmpty();
    }

    @Test
    void each_feature_of_a_list_shares_the_verb() {
        assertThat(verdicts("GPT Image 1 Mini: no streaming, function calling, or vision.\n")).containsExactly(
                "capability does not support streaming unsourced", "capability does not support function calling right",
                "capability does not support image input wrong");
        assertThat(verdicts("GPT-4.1 accepts text + images.\n")).containsExactly("capability supports image input right");
    }

    @Test
    void status_claims_are_judged_against_the_lifecycle() {
        assertThat(verdicts("GPT-4.1 has been superseded by GPT-5.1.\n")).containsExactly("status superseded by gpt-5.1 right");
        assertThat(verdicts("o1 Preview is deprecated.\n")).containsExactly("status deprecated right");
        assertThat(verdicts("o1 Preview is not deprecated.\n")).containsExactly("status not deprecated wrong");
        Claim current = first("GPT-5 Mini is deprecated.\n");
        assertThat(current.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(current.correction()).isEqualTo("GPT-5 Mini is current.");
        assertThat(verdicts("GPT-5 Mini is not deprecated.\n")).containsExactly("status not deprecated right");
    }

    @Test
    void what_the_status_cannot_tell_apart_is_unchecked_and_a_status_no_source_states_is_unsourced() {
        // superseded is not deprecated, and a model may have more than one successor
        assertThat(verdicts("GPT-4.1 is deprecated.\n")).containsExactly("status deprecated unchecked");
        assertThat(verdicts("GPT-4.1 was replaced by GPT-4o Mini.\n")).containsExactly("status superseded by gpt-4o-mini unchecked");
        // retired: only once the shutdown date is on or before the article's date
        assertThat(verdicts("o1 Preview is retired.\n")).containsExactly("status retired unchecked");
        assertThat(verdicts("o1 Preview was retired.\n", LocalDate.of(2026, 12, 1))).containsExactly("status retired right");
        assertThat(verdicts("GPT-4o Mini is deprecated.\n")).containsExactly("status deprecated unsourced");
    }
}
