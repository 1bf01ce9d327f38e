package io.modelatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.fixtures.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataQualityTest {

    @Test
    void disputed_knowledge_cutoff_lists_every_source_with_the_shown_value_first() {
        Model m = Fixtures.gpt41Mini();
        Fact<PartialDate> disputed = new Fact<>(PartialDate.parse("2024-04"), Fixtures.MODELSDEV,
                List.of(new Fact.Alternative<>(PartialDate.parse("2024-06-30"), Fixtures.OPENROUTER)));
        Model withDispute = withCutoff(m, disputed);

        DataQuality q = DataQuality.of(Catalog.of(List.of(withDispute, Fixtures.gpt4oMini())));

        assertThat(q.disagreements()).singleElement().satisfies(d -> {
            assertThat(d.modelId()).isEqualTo("gpt-4.1-mini");
            assertThat(d.field()).isEqualTo("knowledge_cutoff");
            assertThat(d.values()).extracting(DataQuality.SourcedValue::value).containsExactly("2024-04", "2024-06-30");
            assertThat(d.values()).extracting(DataQuality.SourcedValue::shown).containsExactly(true, false);
        });
    }

    @Test
    void unpriced_models_and_contradicting_limits_are_listed() {
        Model noPrice = new Model("mystery", "Mystery", "acme", "Acme", null, List.of(), ModelType.CHAT, null, null, null, null, null,
                Fact.of(1000L, Fixtures.MODELSDEV), null, Fact.of(4000L, Fixtures.LITELLM), Map.of(), List.of(),
                Fact.of(Status.current(), Fixtures.LITELLM), List.of(), List.of(), List.of(),
                List.of(new Offering("acme", "mystery", null, null, null)), null);

        DataQuality q = DataQuality.of(Catalog.of(List.of(noPrice, Fixtures.gpt41())));

        assertThat(q.unpricedModelIds()).containsExactly("mystery");
        assertThat(q.contradictions()).singleElement()
                .satisfies(c -> assertThat(c.description()).isEqualTo("max output 4000 (litellm) is above the context window 1000 (models.dev)"));
    }

    private static Model withCutoff(Model m, Fact<PartialDate> cutoff) {
        return new Model(m.id(), m.displayName(), m.creatorId(), m.creatorName(), m.family(), m.aliases(), m.type(), m.description(),
                m.releaseDate(), cutoff, m.inputModalities(), m.outputModalities(), m.contextWindow(), m.maxInputTokens(), m.maxOutputTokens(),
                m.capabilities(), m.endpoints(), m.status(), m.benchmarks(), m.strengths(), m.bestFor(), m.offerings(), m.tokenizer());
    }
}
